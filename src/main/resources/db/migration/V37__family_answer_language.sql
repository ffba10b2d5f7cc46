-- The language a liaison answered a family's reply in (the family's own when they say so, else English), so the
-- answer counts in indicator 4e.3 like any other message to a caregiver.
alter table family_reply add column answer_language varchar(16);
