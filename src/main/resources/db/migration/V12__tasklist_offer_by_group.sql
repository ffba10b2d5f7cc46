-- The group queue of someone at many schools (a program manager at all 1,800 of a district): their
-- schools are no IN list then but a look-up in staff_school, and the queue is found by its group
-- first. With the school IN list H2 read every offer of every school, 72,000 at 100,000 open tasks.
create index open_task_offer_by_group on open_task_offer (group_id, school_id, due_at, task_id);
