-- "Start all planned programs" jobs and what became of each term, in the database so that any node of a
-- cluster shows the progress page, and a job whose node stopped shows as stopped rather than running.
create table program_start_job (
    id            varchar(36)  primary key,
    district_id   bigint       not null references district (id),
    program_year  varchar(20),
    started_by    varchar(64)  not null,
    started_at    timestamp    not null,
    heartbeat_at  timestamp    not null,
    total         integer      not null,
    finished_at   timestamp,
    failed        boolean      not null default false
);

create index program_start_job_by_person on program_start_job (started_by, started_at);

create table program_start_result (
    job_id        varchar(36)   not null references program_start_job (id) on delete cascade,
    seq           integer       not null,
    term_id       bigint        not null,
    school_name   varchar(200)  not null,
    term_name     varchar(200)  not null,
    outcome       varchar(20)   not null,
    reason        varchar(1000),
    primary key (job_id, seq)
);
