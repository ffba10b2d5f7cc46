-- The share of evidence (whole percent) from which an indicator is rated "in place" or "partly in place",
-- when a district chose its own; otherwise application.yaml's tandem.assessment defaults apply.
create table assessment_threshold (
    district_id     bigint       not null references district (id),
    indicator_code  varchar(10)  not null,
    in_place_from   int          not null,
    partly_from     int          not null,
    primary key (district_id, indicator_code)
);
