-- What a district sets for itself. A null value means "Tandem's default" (application.yaml), so a changed
-- default reaches every district that never chose its own.
create table district_settings (
    district_id               bigint       primary key references district (id),
    program_year              varchar(20),
    program_year_starts_on    date,
    program_year_ends_on      date,
    alignment_schedule_lead   varchar(20),
    alignment_reminder_lead   varchar(20),
    overdue_escalation_after  varchar(20),
    impact_summary_within     varchar(20),
    close_out_within          varchar(20),
    default_check_in_cadence  varchar(20),
    due_soon_within           varchar(20)
);

-- A closed school keeps its terms and evidence and takes no new term.
alter table school add column closed_on date;
