-- The dashboard's overdue tasks by role read from these indexes alone: a school's term page sought its
-- school's open tasks with no index on the school (a scan of every open task), and the district view
-- looked every overdue task's groups up in the table.
create index open_task_overdue_at_school on open_task (school_id, due_at, candidate_groups);
create index open_task_overdue_in_district on open_task (district_id, due_at, school_id, candidate_groups);
