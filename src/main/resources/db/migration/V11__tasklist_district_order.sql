-- The district tab lists every open task of the district by due date, soonest or latest first. With
-- the whole order in an index, a page reads its twenty rows instead of sorting the district's open
-- tasks on every request (half a million at district scale).
drop index open_task_by_district;
create index open_task_district_by_due on open_task (district_id, due_at nulls last, created_at, task_id);
create index open_task_district_by_latest_due on open_task (district_id, due_at desc nulls last, created_at, task_id);
