-- The dashboard asks for many terms at once (4e.1 to 4e.3), by term and kind.
create index family_message_by_term on family_message (term_id, kind, status);
