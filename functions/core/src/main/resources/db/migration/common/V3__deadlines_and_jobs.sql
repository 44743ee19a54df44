-- R7, R11, R14-R17, R32: deadlines are data; scheduled jobs record every run and resume from their cursor.
-- Column names avoid words reserved in H2 (the embedded default): day, year, value, key, user, cursor.

create table deadline (
    id uuid primary key,
    kind varchar(40) not null,
    rule_id varchar(8) not null,
    subject_type varchar(32) not null,
    subject_id uuid not null,
    start_date date not null,
    day_count integer not null check (day_count >= 0),
    day_type varchar(16) not null check (day_type in ('WORKING', 'CALENDAR', 'FIXED')),
    due_date date not null,
    state varchar(16) not null check (state in ('OPEN', 'MET', 'OVERDUE', 'WAIVED')),
    provisional boolean not null default false,
    owner_role varchar(32) not null,
    owner_unit_id uuid references unit (id),
    owner_committee_id uuid references committee (id),
    owner_account_id uuid references account (id),
    waived_reason varchar(500),
    closed_at timestamp with time zone,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint deadline_kind_subject unique (kind, subject_type, subject_id)
);

-- No index holds state or updated_at: marking a deadline overdue then changes no indexed column, so PostgreSQL
-- updates it in place (HOT) without touching the indexes (benchmark P4). The sweep pages by primary key.
create index deadline_due on deadline (due_date);
create index deadline_owner_unit on deadline (owner_role, owner_unit_id);
create index deadline_owner_committee on deadline (owner_role, owner_committee_id);
create index deadline_owner_account on deadline (owner_account_id);

create table notification (
    id uuid primary key,
    recipient_account_id uuid references account (id),
    recipient_role varchar(32),
    recipient_unit_id uuid references unit (id),
    recipient_committee_id uuid references committee (id),
    deadline_id uuid not null references deadline (id),
    kind varchar(16) not null check (kind in ('REMINDER', 'OVERDUE')),
    message_zh varchar(1000) not null,
    message_en varchar(1000) not null,
    created_at timestamp with time zone not null,
    read_at timestamp with time zone,
    constraint notification_deadline_kind unique (deadline_id, kind)
);

create index notification_recipient_account on notification (recipient_account_id);
create index notification_recipient_scope on notification (recipient_role, recipient_unit_id, recipient_committee_id);

create table job_run (
    id uuid primary key,
    job varchar(64) not null,
    started_at timestamp with time zone not null,
    finished_at timestamp with time zone,
    status varchar(16) not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    processed bigint not null default 0,
    changed bigint not null default 0,
    error varchar(2000),
    resume_cursor varchar(100),
    resumed_from uuid references job_run (id)
);

create index job_run_job_started on job_run (job, started_at);
