-- The committee route of R1-R17: committees' scope, submission windows, expert pools and conflicts, unit
-- publicity and result-notice objections, meetings with their expert draw, attendance and secret votes, review
-- rounds with pass list, notice and filing, integrity bans, and idempotency keys of creating requests.
-- Column names avoid words reserved in H2 (day, year, value, key, user).

-- R8: a committee reviews its series and levels within its jurisdiction, organised by a body under its HR bureau.
alter table committee add column jurisdiction varchar(64);
alter table committee add column organiser varchar(200);
alter table committee add column version bigint not null default 0;

-- R1: one window per committee and series; the server clock decides whether it is open.
create table submission_window (
    id uuid primary key,
    committee_id uuid not null references committee (id),
    series_id uuid not null references series (id),
    title varchar(200) not null,
    opens_at timestamp with time zone not null,
    closes_at timestamp with time zone not null,
    created_by uuid references account (id),
    created_at timestamp with time zone not null,
    version bigint not null default 0,
    constraint submission_window_order check (closes_at > opens_at)
);
create index submission_window_committee on submission_window (committee_id, series_id, closes_at);

-- R9: experts, and each committee's pool per year.
create table expert (
    id uuid primary key,
    name varchar(100) not null,
    specialty varchar(100) not null,
    unit_id uuid not null references unit (id),
    account_id uuid unique references account (id),
    created_at timestamp with time zone not null
);

create table expert_pool_member (
    committee_id uuid not null references committee (id),
    pool_year integer not null,
    expert_id uuid not null references expert (id),
    term_ends_on date not null,
    added_by uuid references account (id),
    added_at timestamp with time zone not null,
    primary key (committee_id, pool_year, expert_id)
);

-- R10: conflicts an expert declares, with a unit or with a person.
create table expert_conflict (
    id uuid primary key,
    expert_id uuid not null references expert (id),
    unit_id uuid references unit (id),
    person_id uuid references person (id),
    reason varchar(500) not null,
    declared_at timestamp with time zone not null,
    constraint expert_conflict_target check (unit_id is not null or person_id is not null)
);
create index expert_conflict_expert on expert_conflict (expert_id);

-- R3, R4, R6, R7, R8 on the application.
alter table application add column employment varchar(16) not null default 'EMPLOYED';
alter table application add column graduation_year integer;
alter table application add column degree_awarded_on date;
alter table application add column unit_reviewed_by uuid references account (id);
alter table application add column unit_reviewed_at timestamp with time zone;
alter table application add column publicity_ends_on date;
alter table application add column vetted_by uuid references account (id);
alter table application add column vetted_at timestamp with time zone;
alter table application add column accepted_at timestamp with time zone;
alter table application add column round_id uuid;

-- R7: what the unit attaches to its recommendation, next to the applicant's own evidence.
alter table evidence_item add column kind varchar(32) not null default 'APPLICANT';

-- R7, R15: objections raised in the unit publicity or the result notice, each with its decision.
create table objection (
    id uuid primary key,
    application_id uuid not null references application (id),
    stage varchar(16) not null check (stage in ('UNIT_PUBLICITY', 'RESULT_NOTICE')),
    raised_at timestamp with time zone not null,
    raised_by varchar(100) not null,
    contact varchar(100),
    content varchar(2000) not null,
    recorded_by uuid references account (id),
    decision varchar(16) check (decision in ('UPHELD', 'DISMISSED')),
    explanation varchar(2000),
    decided_at timestamp with time zone,
    decided_by uuid references account (id),
    version bigint not null default 0
);
create index objection_application on objection (application_id, stage);

-- R20 (applied by R5's submit): a person banned from applying until a date.
create table integrity_record (
    id uuid primary key,
    person_id uuid references person (id),
    unit_id uuid references unit (id),
    kind varchar(32) not null,
    summary varchar(2000) not null,
    confirmed_on date not null,
    ban_ends_on date,
    created_by uuid references account (id),
    created_at timestamp with time zone not null
);
create index integrity_record_person on integrity_record (person_id, ban_ends_on);

-- R13-R17: a committee's review round of a year.
create table review_round (
    id uuid primary key,
    committee_id uuid not null references committee (id),
    round_year integer not null,
    state varchar(32) not null,
    reviewed_on date,
    pass_list_submitted_at timestamp with time zone,
    pass_list_submitted_by uuid references account (id),
    approved_at timestamp with time zone,
    approved_by uuid references account (id),
    returned_reason varchar(1000),
    notice_starts_on date,
    notice_ends_on date,
    filed_at timestamp with time zone,
    filed_by uuid references account (id),
    senior_override_reason varchar(1000),
    senior_override_by uuid references account (id),
    senior_override_at timestamp with time zone,
    version bigint not null default 0,
    created_at timestamp with time zone not null,
    constraint review_round_committee_year unique (committee_id, round_year)
);
alter table application add constraint application_round foreign key (round_id) references review_round (id);

-- R10-R12: meetings, their drawn experts and the draw's recorded inputs.
create table meeting (
    id uuid primary key,
    committee_id uuid not null references committee (id),
    round_id uuid not null references review_round (id),
    meeting_date date not null,
    venue varchar(200) not null,
    work_plan varchar(2000),
    state varchar(16) not null,
    requested_by uuid references account (id),
    requested_at timestamp with time zone not null,
    decided_by uuid references account (id),
    decided_at timestamp with time zone,
    decision_note varchar(1000),
    expert_count integer not null check (expert_count > 0),
    draw_seed varchar(64),
    draw_inputs_hash varchar(64),
    drawn_by uuid references account (id),
    drawn_at timestamp with time zone,
    voting_opened_at timestamp with time zone,
    closed_at timestamp with time zone,
    attending integer,
    version bigint not null default 0
);
create index meeting_committee on meeting (committee_id, meeting_date);

create table meeting_application (
    meeting_id uuid not null references meeting (id),
    application_id uuid not null references application (id),
    yes_votes integer,
    no_votes integer,
    abstentions integer,
    outcome varchar(8),
    primary key (meeting_id, application_id)
);
create index meeting_application_application on meeting_application (application_id);

-- Every pool member considered by a draw, with the reason if recused: the draw's inputs, kept to re-run it.
create table draw_candidate (
    meeting_id uuid not null references meeting (id),
    expert_id uuid not null references expert (id),
    recused_reason varchar(300),
    primary key (meeting_id, expert_id)
);

create table meeting_expert (
    meeting_id uuid not null references meeting (id),
    expert_id uuid not null references expert (id),
    draw_rank integer not null,
    attended boolean,
    primary key (meeting_id, expert_id)
);

-- R12: one secret vote per expert and application; the key makes a second vote impossible.
create table vote (
    meeting_id uuid not null references meeting (id),
    application_id uuid not null references application (id),
    expert_id uuid not null references expert (id),
    choice varchar(8) not null check (choice in ('YES', 'NO', 'ABSTAIN')),
    cast_at timestamp with time zone not null,
    primary key (meeting_id, application_id, expert_id)
);

-- A creating request sent twice with the same Idempotency-Key creates once.
create table idempotency_key (
    account_id uuid not null references account (id),
    idem_key varchar(100) not null,
    operation varchar(64) not null,
    resource_id uuid not null,
    created_at timestamp with time zone not null,
    primary key (account_id, idem_key)
);
