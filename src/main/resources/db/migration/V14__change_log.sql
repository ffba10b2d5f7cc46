-- The staff audit log becomes the audit log of every administrative change: staff accounts, schools, terms,
-- programs and district settings. What it holds so far are changes to staff accounts, keyed by username.
alter table staff_change rename to change_log;
alter table change_log rename column username to subject_key;
alter table change_log alter column subject_key set data type varchar(100);
alter table change_log alter column field set data type varchar(32);
alter table change_log add column subject_kind varchar(16) default 'STAFF' not null;

alter index staff_change_by_district rename to change_log_by_district;
alter index staff_change_by_person rename to change_log_by_subject;
create index change_log_by_district_and_kind on change_log (district_id, subject_kind, id);
