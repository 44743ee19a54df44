-- Foundation schema. Portable SQL (PostgreSQL and H2 in PostgreSQL mode); PostgreSQL-only parts live in
-- db/migration/postgresql. Instants are stored in UTC.

create table unit (
    id uuid primary key,
    code varchar(32) not null unique,
    name varchar(200) not null,
    kind varchar(32) not null,
    parent_id uuid references unit (id),
    region varchar(64),
    self_evaluating boolean not null default false,
    created_at timestamp with time zone not null
);

create table person (
    id uuid primary key,
    name varchar(100) not null,
    id_number varchar(18) not null unique,
    sex varchar(8) not null,
    birth_date date not null,
    created_at timestamp with time zone not null
);

create table series (
    id uuid primary key,
    code varchar(32) not null unique,
    name_zh varchar(100) not null,
    name_en varchar(100) not null
);

create table committee (
    id uuid primary key,
    code varchar(32) not null unique,
    name varchar(200) not null,
    series_id uuid not null references series (id),
    hr_bureau_id uuid not null references unit (id),
    member_count integer not null check (member_count > 0),
    created_at timestamp with time zone not null
);

create table committee_level (
    committee_id uuid not null references committee (id),
    level varchar(32) not null,
    primary key (committee_id, level)
);

create table account (
    id uuid primary key,
    username varchar(64) not null unique,
    password_hash varchar(200) not null,
    display_name varchar(100) not null,
    role varchar(32) not null,
    person_id uuid references person (id),
    unit_id uuid references unit (id),
    committee_id uuid references committee (id),
    enabled boolean not null default true,
    created_at timestamp with time zone not null
);

create table application (
    id uuid primary key,
    applicant_id uuid not null references person (id),
    account_id uuid not null references account (id),
    unit_id uuid not null references unit (id),
    series_id uuid not null references series (id),
    level varchar(32) not null,
    specialty varchar(100) not null,
    committee_id uuid not null references committee (id),
    diploma_number varchar(64) not null,
    degree_number varchar(64),
    diploma_verification varchar(32),
    degree_verification varchar(32),
    state varchar(32) not null,
    pledge_signed_at timestamp with time zone,
    unit_pledge_signed_at timestamp with time zone,
    unit_pledge_by uuid references account (id),
    decision_note varchar(1000),
    version bigint not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index application_account on application (account_id);
create index application_unit on application (unit_id, state);
create index application_committee on application (committee_id, state);

create table evidence_item (
    id uuid primary key,
    application_id uuid not null references application (id),
    title varchar(200) not null,
    file_name varchar(255) not null,
    content_type varchar(100) not null,
    size bigint not null check (size > 0),
    object_key varchar(300) not null unique,
    status varchar(16) not null,
    uploaded_at timestamp with time zone,
    created_at timestamp with time zone not null
);
create index evidence_item_application on evidence_item (application_id);

create table signing_key (
    kid varchar(64) primary key,
    issuer_id uuid not null references unit (id),
    provider varchar(16) not null,
    key_ref varchar(300) not null,
    public_key varchar(400) not null,
    valid_from timestamp with time zone not null,
    valid_to timestamp with time zone
);
create index signing_key_issuer on signing_key (issuer_id);

create table certificate (
    id uuid primary key,
    number varchar(32) not null unique,
    application_id uuid unique references application (id),
    person_id uuid not null references person (id),
    issuer_id uuid not null references unit (id),
    kid varchar(64) not null references signing_key (kid),
    holder_name varchar(100) not null,
    series_name varchar(100) not null,
    level varchar(32) not null,
    specialty varchar(100) not null,
    committee_name varchar(200) not null,
    issued_on date not null,
    payload varchar(8000) not null,
    status varchar(16) not null,
    revoked_at timestamp with time zone,
    revocation_reason varchar(500),
    version bigint not null,
    created_at timestamp with time zone not null
);
create index certificate_person on certificate (person_id);

create table certificate_serial (
    issuer_id uuid not null references unit (id),
    serial_year integer not null,
    last_serial bigint not null,
    primary key (issuer_id, serial_year)
);

create table audit_event (
    seq bigint primary key,
    id uuid not null unique,
    occurred_at timestamp with time zone not null,
    actor_id uuid,
    actor_name varchar(100) not null,
    actor_role varchar(32),
    action varchar(64) not null,
    subject_type varchar(32) not null,
    subject_id uuid not null,
    from_state varchar(32),
    to_state varchar(32),
    note varchar(2000),
    prev_hash varchar(64) not null,
    hash varchar(64) not null unique
);
create index audit_event_subject on audit_event (subject_type, subject_id, seq);

create table audit_head (
    id integer primary key check (id = 1),
    last_seq bigint not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
