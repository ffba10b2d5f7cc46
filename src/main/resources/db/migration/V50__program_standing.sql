-- Where each school's program stands: one row per school and term, written by the school-program
-- process as it moves (app.tandem.dashboard.ProgramStandingListener), so the dashboard reads one
-- small table instead of Camunda's runtime or history.
create table program_standing (
    term_id              bigint      primary key references school_term (id),
    school_id            bigint      not null references school (id),
    process_instance_id  varchar(64) not null,
    phase                varchar(24) not null,
    next_step            varchar(32),
    next_number          int,
    next_on              date,
    updated_at           timestamp   not null
);

create index program_standing_by_school on program_standing (school_id);
create index program_standing_by_instance on program_standing (process_instance_id);

-- Check-ins held against scheduled over time, across the district.
create index program_milestone_by_kind_due on program_milestone (kind, due_on);
