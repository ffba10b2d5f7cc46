-- The outbox sends its own rows (notify.OutboxSender): no process instance per message any more. A row with work to
-- do has next_attempt_at (sending, or recording a delivery after the send); a node takes it by writing its name
-- into claimed_by until claimed_until, so two nodes never send the same row and a killed node's rows come back
-- after the lease. failures counts the temporary failures since the last success or "retry now", which
-- picks the wait from tandem.mail.retry-cycle; record_pending: sent, the features not yet told.
alter table outbox_message add column next_attempt_at timestamp;
alter table outbox_message add column claimed_by varchar(100);
alter table outbox_message add column claimed_until timestamp;
alter table outbox_message add column failures int default 0 not null;
alter table outbox_message add column record_pending boolean default false not null;
-- The node that sent it (its sender's name), for operators and for how a cluster shares the work.
alter table outbox_message add column sent_by varchar(100);

-- Rows already waiting go to the sender at once; the instances started for them before have nothing left to do.
update outbox_message set next_attempt_at = created_at where status in ('QUEUED', 'RETRYING');

create index outbox_message_due on outbox_message (next_attempt_at);
create index outbox_message_by_claim on outbox_message (claimed_by);
