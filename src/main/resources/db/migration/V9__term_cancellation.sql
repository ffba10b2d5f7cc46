-- A cancelled term keeps its row, its evidence and the reason, so the dashboard can say why its
-- program stopped; a cancelled term never gets a program.
alter table school_term add column cancelled_on date;
alter table school_term add column cancelled_by varchar(64);
alter table school_term add column cancel_reason varchar(500);
