-- R17: the year's written summary (年度评审工作总结, 003 附件5) the committee office reports after the filing.
alter table review_round add column summary varchar(4000);
alter table review_round add column summary_at timestamp with time zone;
alter table review_round add column summary_by uuid references account (id);
