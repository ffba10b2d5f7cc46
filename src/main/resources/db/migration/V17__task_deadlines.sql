-- One reminder lead for every task with a due date (it was the alignment meeting's alone), and a second step
-- of escalation: after the school leader, the district's managers.
alter table district_settings rename column alignment_reminder_lead to reminder_lead;
alter table district_settings add column manager_escalation_after varchar(20);
