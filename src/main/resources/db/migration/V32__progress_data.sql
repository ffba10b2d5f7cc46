-- The weekly sessions a term's students should attend (the playbook's high-impact standard is three).
alter table school_term add column sessions_target int default 3 not null;

-- What a tutoring provider reports per student and week (week_of: the week's Monday), and the assessment taken
-- that week, if any. A re-imported week replaces its row.
create table progress_week (
    student_id          bigint        not null references student (id),
    week_of             date          not null,
    sessions_scheduled  int           not null,
    sessions_attended   int           not null,
    minutes             int           not null,
    subject             varchar(32),
    assessment_name     varchar(100),
    assessed_on         date,
    score               numeric(9, 2),
    placement           varchar(32),
    imported_by         varchar(64)   not null,
    imported_at         timestamp     not null,
    primary key (student_id, week_of),
    constraint progress_week_attended check (sessions_attended <= sessions_scheduled)
);

-- The draft of an update opened from its task: found by its process instance.
create index caregiver_update_by_process on caregiver_update (process_instance_id);
