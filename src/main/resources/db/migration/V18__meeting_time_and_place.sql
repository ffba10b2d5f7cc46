-- When and where a planned meeting takes place: the district's wall-clock time (its time zone is the
-- district's), its length, and a room or a video link (at least one of them).
create table meeting_plan (
    milestone_id    bigint       primary key references program_milestone (id),
    starts_at       timestamp    not null,
    length_minutes  int          not null,
    place           varchar(200),
    video_link      varchar(500)
);

-- Where the invitees were last told the meeting takes place, so a meeting moved to another room (or given
-- a video link) goes out as an update too. The time each invitee was sent is in meeting_invitation.
create table meeting_invitation_place (
    milestone_id  bigint       primary key references program_milestone (id),
    place         varchar(200),
    video_link    varchar(500)
);
