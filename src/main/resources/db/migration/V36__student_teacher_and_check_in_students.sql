-- A student's own teacher (a staff account at the student's school), from the roster or the school's pages:
-- the one who reviews the student's progress updates. Null: the school's teachers share the review.
alter table student add column teacher_username varchar(64) references staff_member (username);

-- A student a teacher wants discussed at the next check-in of the term.
create table student_check_in_flag (
    student_id  bigint      not null references student (id),
    term_id     bigint      not null references school_term (id),
    flagged_by  varchar(64) not null,
    flagged_at  timestamp   not null,
    primary key (student_id, term_id)
);

-- What a check-in agreed for each student on its agenda, and what the close-out found of each student's progress
-- against the goal the term set at its start (4d.3). Free text stays here, never in process variables.
create table meeting_student (
    milestone_id  bigint        not null references program_milestone (id),
    student_id    bigint        not null references student (id),
    reason        varchar(16)   not null,
    outcome       varchar(16),
    agreed        varchar(1000),
    primary key (milestone_id, student_id)
);
