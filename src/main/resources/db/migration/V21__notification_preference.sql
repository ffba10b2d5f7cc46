-- How each person wants to hear of a task assigned to them or offered to their group: IMMEDIATE (an
-- email at once), DIGEST (in the daily digest) or NEVER. No row means the defaults.
create table notification_preference (
    username        varchar(64) primary key references staff_member (username),
    task_assigned   varchar(16) not null,
    task_offered    varchar(16) not null
);
