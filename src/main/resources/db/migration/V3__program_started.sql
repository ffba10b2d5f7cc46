-- Which process instance runs a term's program: set once, so a term never gets a second program,
-- even when two people start it at the same moment.
alter table school_term add column program_instance_id varchar(64);
