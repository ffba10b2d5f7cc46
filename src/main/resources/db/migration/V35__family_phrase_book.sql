-- The phrase book: a liaison's reviewed translation of each phrase a progress update is composed of (its
-- fixed sentences and the text of each option of the draft form), once per language. An update whose
-- phrases are all reviewed in the caregiver's language goes out without a translation task. Drafts awaiting
-- review are the bundles' messages-family_<language>.properties, not rows here.
create table family_phrase (
    language     varchar(16)   not null,
    phrase_key   varchar(120)  not null,
    phrase_text  varchar(2000) not null,
    reviewed_by  varchar(64)   not null,
    reviewed_at  timestamp     not null,
    primary key (language, phrase_key)
);
