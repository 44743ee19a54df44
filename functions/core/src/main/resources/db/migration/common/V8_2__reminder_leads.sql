-- R22: a deadline may be reminded of more than once (a filing's renewal 30 and 7 days ahead, then 2 working days
-- ahead as usual); each reminder names its lead, so every lead still reminds once. Overdue notices have none.
alter table notification add column reminder_lead varchar(8) default '' not null;
update notification set reminder_lead = '2WD' where kind = 'REMINDER';
alter table notification drop constraint notification_deadline_kind;
alter table notification add constraint notification_deadline_kind_lead unique (deadline_id, kind, reminder_lead);
