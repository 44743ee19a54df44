-- Issue 7: self-evaluating units (自主评聘单位), the public catalogue of filed series (R22, R23), e-seal
-- registration (R24) and appointment records with their certificates (R25, R26). docs/catalogue.md is the contract.

-- R22: a filing names a series of the national list (国家职称系列); filings outside it are refused. The 27 series
-- are reference data; series created for committees stay non-national unless they are one of these.
alter table series add column national boolean default false not null;
insert into series (id, code, name_zh, name_en)
    select '984decde-b21b-5ebf-9abd-84569ac7d282', 'HIGHER_EDUCATION', '高校教师', 'Higher education teachers'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'HIGHER_EDUCATION');
insert into series (id, code, name_zh, name_en)
    select 'aa15af82-5e62-5384-a23c-f0a4d2e386d8', 'SOCIAL_SCIENCE_RESEARCH', '哲学社会科学研究', 'Philosophy and social science research'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'SOCIAL_SCIENCE_RESEARCH');
insert into series (id, code, name_zh, name_en)
    select '5be4bf01-383f-5254-b692-fcd721305f3e', 'NATURAL_SCIENCE_RESEARCH', '自然科学研究', 'Natural science research'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'NATURAL_SCIENCE_RESEARCH');
insert into series (id, code, name_zh, name_en)
    select '3b217111-8fe1-53d6-b6e6-962842b05448', 'HEALTH', '卫生', 'Health'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'HEALTH');
insert into series (id, code, name_zh, name_en)
    select 'f73af979-8d13-5a18-9c7f-e4d3d4a33305', 'ENGINEERING', '工程技术', 'Engineering'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'ENGINEERING');
insert into series (id, code, name_zh, name_en)
    select 'c32bf1ef-54e6-54b1-83d8-946837e1b658', 'AGRICULTURE', '农业', 'Agriculture'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'AGRICULTURE');
insert into series (id, code, name_zh, name_en)
    select '7f15a761-41c3-588f-8222-b01cb38782d9', 'JOURNALISM', '新闻', 'Journalism'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'JOURNALISM');
insert into series (id, code, name_zh, name_en)
    select '79ad2da8-6976-5f08-91b8-37446912fd8b', 'PUBLISHING', '出版', 'Publishing'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'PUBLISHING');
insert into series (id, code, name_zh, name_en)
    select '6d988d73-ced0-5775-b605-8b288d21873e', 'LIBRARY', '图书资料', 'Library and information'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'LIBRARY');
insert into series (id, code, name_zh, name_en)
    select 'c015afed-678e-587d-91ba-1b0b028c7eca', 'CULTURAL_HERITAGE', '文物博物', 'Cultural relics and museums'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'CULTURAL_HERITAGE');
insert into series (id, code, name_zh, name_en)
    select 'b244a663-1dce-56ae-9e10-d4785d5e7e18', 'ARCHIVES', '档案', 'Archives'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'ARCHIVES');
insert into series (id, code, name_zh, name_en)
    select 'fe20519a-0eec-5da8-8aaf-3f096ade2974', 'ARTS_AND_CRAFTS', '工艺美术', 'Arts and crafts'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'ARTS_AND_CRAFTS');
insert into series (id, code, name_zh, name_en)
    select '449485d8-4bc1-56ca-aa32-1f1811ee3b49', 'TECHNICAL_SCHOOL_TEACHER', '技工院校教师', 'Technical school teachers'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'TECHNICAL_SCHOOL_TEACHER');
insert into series (id, code, name_zh, name_en)
    select '91057f42-aac4-563c-ba8e-ce0f1958cce2', 'SPORTS', '体育', 'Sports'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'SPORTS');
insert into series (id, code, name_zh, name_en)
    select 'a5da9ac6-0064-5761-87a9-f03097b73ee0', 'TRANSLATION', '翻译', 'Translation'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'TRANSLATION');
insert into series (id, code, name_zh, name_en)
    select '65e3bb4e-68b8-58f0-88bd-ca165d1e22b2', 'BROADCASTING', '播音主持', 'Broadcasting and hosting'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'BROADCASTING');
insert into series (id, code, name_zh, name_en)
    select '6d98fe6a-7ec1-5572-8d1e-46846e25f260', 'ACCOUNTING', '会计', 'Accounting'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'ACCOUNTING');
insert into series (id, code, name_zh, name_en)
    select '117efb82-bfdf-57fb-9609-d797a6e45d34', 'STATISTICS', '统计', 'Statistics'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'STATISTICS');
insert into series (id, code, name_zh, name_en)
    select 'df765317-d0c8-51ed-87f8-0817eed1c919', 'ECONOMICS', '经济', 'Economics'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'ECONOMICS');
insert into series (id, code, name_zh, name_en)
    select '668ceadd-0634-5664-afdf-f8fb96cd0272', 'LABORATORY', '实验技术', 'Laboratory technology'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'LABORATORY');
insert into series (id, code, name_zh, name_en)
    select 'c0bfcdaf-2d2b-57b8-bbdd-328d10699b57', 'VOCATIONAL_SCHOOL_TEACHER', '中等职业学校教师', 'Secondary vocational school teachers'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'VOCATIONAL_SCHOOL_TEACHER');
insert into series (id, code, name_zh, name_en)
    select '98888356-f9bc-518a-aded-0b95f8d97805', 'TEACHER', '中小学教师', 'Primary and secondary school teachers'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'TEACHER');
insert into series (id, code, name_zh, name_en)
    select '75d1f44a-03a8-5e3a-8741-ea3473f67ce8', 'ARTS', '艺术', 'Arts'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'ARTS');
insert into series (id, code, name_zh, name_en)
    select 'ac2d6159-7352-5bb6-9037-91aa05595c06', 'PUBLIC_LEGAL_SERVICE', '公共法律服务', 'Public legal services'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'PUBLIC_LEGAL_SERVICE');
insert into series (id, code, name_zh, name_en)
    select '6067b25e-0cb9-5e67-b769-4cca62965b65', 'SHIPPING', '船舶', 'Shipping'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'SHIPPING');
insert into series (id, code, name_zh, name_en)
    select 'b041524a-ba6c-5892-9f03-b3aec2d685d1', 'CIVIL_AVIATION', '民用航空飞行技术', 'Civil aviation flight'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'CIVIL_AVIATION');
insert into series (id, code, name_zh, name_en)
    select '73530156-d16f-5a51-a390-1ab3246180a9', 'AUDIT', '审计', 'Audit'
        from (values (1)) as one (x)
    where not exists (select 1 from series where code = 'AUDIT');
update series set national = true where code in ('HIGHER_EDUCATION', 'SOCIAL_SCIENCE_RESEARCH', 'NATURAL_SCIENCE_RESEARCH', 'HEALTH', 'ENGINEERING', 'AGRICULTURE', 'JOURNALISM', 'PUBLISHING', 'LIBRARY', 'CULTURAL_HERITAGE', 'ARCHIVES', 'ARTS_AND_CRAFTS', 'TECHNICAL_SCHOOL_TEACHER', 'SPORTS', 'TRANSLATION', 'BROADCASTING', 'ACCOUNTING', 'STATISTICS', 'ECONOMICS', 'LABORATORY', 'VOCATIONAL_SCHOOL_TEACHER', 'TEACHER', 'ARTS', 'PUBLIC_LEGAL_SERVICE', 'SHIPPING', 'CIVIL_AVIATION', 'AUDIT');

-- R22: one row per filing of a series (附件1): pending, returned, approved (valid 3 years), expired, renewed or
-- cancelled. A renewal is a new row naming the filing it renews; nothing is deleted (R25: traceable).
create table series_filing (
    id uuid primary key,
    unit_id uuid not null references unit (id),
    hr_bureau_id uuid not null references unit (id),
    series_id uuid not null references series (id),
    specialty varchar(100),
    handling_office varchar(100) not null,
    contact_name varchar(50) not null,
    office_phone varchar(32) not null,
    mobile_phone varchar(16) not null,
    professional_count integer not null check (professional_count >= 0),
    -- evaluations in each of the 3 years before the filing year, oldest first (附件1: 近3年职称评聘人数)
    first_evaluation_year integer not null,
    evaluated_first integer not null check (evaluated_first >= 0),
    evaluated_second integer not null check (evaluated_second >= 0),
    evaluated_third integer not null check (evaluated_third >= 0),
    filing_year integer not null,
    state varchar(16) not null,
    submitted_at timestamp with time zone not null,
    submitted_by uuid not null references account (id),
    decided_at timestamp with time zone,
    decided_by uuid references account (id),
    decision_note varchar(1000),
    valid_from date,
    valid_until date,
    renews_id uuid references series_filing (id),
    ended_at timestamp with time zone,
    ended_reason varchar(500),
    version bigint not null,
    created_at timestamp with time zone not null
);
create index series_filing_unit on series_filing (unit_id, series_id, state);
create index series_filing_bureau on series_filing (hr_bureau_id, state);
create index series_filing_state on series_filing (state, valid_until);

-- R22: the date filings are due each year; the end of April unless the HR bureau set another (2023: 30 June).
create table filing_due_date (
    filing_year integer primary key,
    due_on date not null,
    note varchar(200),
    updated_by uuid references account (id),
    updated_at timestamp with time zone not null
);
insert into filing_due_date (filing_year, due_on, note, updated_at)
    values (2023, '2023-06-30', '鲁人社字〔2023〕49号：2023年备案报送时间为6月底前', '2023-06-01 00:00:00+08');

-- R24: an application for the unit's title e-seal (附件3): new, change or cancel. Approval by the city HR bureau
-- creates (or retires) the unit's signing key; the seal image is the title seal (职称专用章), never the unit seal.
create table seal_registration (
    id uuid primary key,
    unit_id uuid not null references unit (id),
    hr_bureau_id uuid not null references unit (id),
    business varchar(16) not null,
    unit_name varchar(200) not null,
    legal_representative varchar(50) not null,
    credit_code varchar(18) not null,
    handler_name varchar(50) not null,
    handler_id_number varchar(18) not null,
    handler_mobile varchar(16) not null,
    handler_phone varchar(32),
    address varchar(300) not null,
    declaration_accepted_at timestamp with time zone not null,
    image_key varchar(300),
    image_content_type varchar(100),
    image_size bigint,
    image_sha256 varchar(64),
    state varchar(16) not null,
    submitted_at timestamp with time zone not null,
    submitted_by uuid not null references account (id),
    decided_at timestamp with time zone,
    decided_by uuid references account (id),
    decision_note varchar(1000),
    kid varchar(64) references signing_key (kid),
    replaces_id uuid references seal_registration (id),
    retired_at timestamp with time zone,
    version bigint not null,
    created_at timestamp with time zone not null
);
create index seal_registration_unit on seal_registration (unit_id, state);
create index seal_registration_bureau on seal_registration (hr_bureau_id, state);

-- R25: one Excel upload of appointment records and its per-row report, kept with the records (traceable).
create table appointment_upload (
    id uuid primary key,
    unit_id uuid not null references unit (id),
    uploaded_by uuid not null references account (id),
    file_name varchar(255) not null,
    sha256 varchar(64) not null,
    row_count integer not null,
    accepted_count integer not null,
    refused_count integer not null,
    already_recorded_count integer not null,
    created_at timestamp with time zone not null
);
create index appointment_upload_unit on appointment_upload (unit_id, created_at);

-- R25, R26: an appointment record (信息采集表, 附件4, fields derived from the certificate's in R27); its
-- certificate is released 15 working days after the upload. Records are never deleted (kept at least 10 years).
create table appointment (
    id uuid primary key,
    unit_id uuid not null references unit (id),
    person_id uuid not null references person (id),
    filing_id uuid not null references series_filing (id),
    series_id uuid not null references series (id),
    holder_name varchar(100) not null,
    sex varchar(8) not null,
    specialty varchar(100) not null,
    practised_specialty varchar(100),
    level varchar(32) not null,
    post varchar(100) not null,
    appointed_on date not null,
    term_starts_on date not null,
    term_ends_on date not null,
    committee_name varchar(200) not null,
    publication_number varchar(100) not null,
    reported_on date,
    report_reference varchar(100),
    backfill boolean not null,
    state varchar(16) not null,
    upload_id uuid references appointment_upload (id),
    upload_row integer,
    uploaded_on date not null,
    recorded_by uuid not null references account (id),
    photo_key varchar(300),
    photo_content_type varchar(100),
    photo_size bigint,
    hold_reason varchar(32),
    certificate_id uuid references certificate (id),
    released_at timestamp with time zone,
    withdrawn_at timestamp with time zone,
    withdrawn_reason varchar(500),
    version bigint not null,
    created_at timestamp with time zone not null
);
create index appointment_unit on appointment (unit_id, state, created_at);
create index appointment_person on appointment (person_id);
-- a re-uploaded sheet finds the rows it already recorded by this key (unit, person, series, level, date)
create index appointment_natural on appointment (unit_id, person_id, series_id, level, appointed_on);

create table appointment_upload_row (
    upload_id uuid not null references appointment_upload (id),
    row_number integer not null,
    outcome varchar(24) not null,
    appointment_id uuid references appointment (id),
    id_number_masked varchar(18),
    problems varchar(4000),
    primary key (upload_id, row_number)
);

alter table certificate add constraint certificate_appointment foreign key (appointment_id) references appointment (id);
