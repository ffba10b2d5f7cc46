-- A task completed by a job or a script with no signed-in person and no assignee still keeps its submission.
alter table task_submission alter column submitted_by drop not null;
