-- What each invitee was last sent about a meeting, so a moved meeting goes out as an update with a
-- higher SEQUENCE and a dropped one as a cancellation of the same UID.
create table meeting_invitation (
    milestone_id  bigint      not null references program_milestone (id),
    username      varchar(64) not null references staff_member (username),
    sequence_no   int         not null,
    starts_at     timestamp   not null,
    ends_at       timestamp   not null,
    cancelled     boolean     not null,
    primary key (milestone_id, username)
);
