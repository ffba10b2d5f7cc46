-- A caregiver whose child enrolled after the program's introductions went out is introduced late,
-- once per term: the dashboard counts those apart, never as reached before the term's start (4e.2).
-- (No reference to caregiver: this version runs before the family tables exist on a new install.)
create table late_introduction (
    term_id       bigint     not null references school_term (id),
    caregiver_id  bigint     not null,
    started_at    timestamp  not null,
    primary key (term_id, caregiver_id)
);
