-- A sender's claim looks for due rows no one holds: with claimed_until in the index, H2 answers from the index alone
-- instead of reading each due row (with its texts) to see whether another of the node's threads holds it.
drop index outbox_message_due;
create index outbox_message_due on outbox_message (next_attempt_at, claimed_until);
