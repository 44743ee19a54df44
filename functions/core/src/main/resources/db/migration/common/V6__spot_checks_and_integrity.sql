-- R18, R19: a spot-check draw of one committee, series and review round, committed before it is drawn.
-- The office commits to the hash of a seed it keeps (seed_commitment) and to the hash of the ordered population;
-- the server adds its own salt at commitment, so neither party alone chooses the draw (decision 0012).
create table spot_check_draw (
    id uuid primary key,
    committee_id uuid not null references committee (id),
    round_id uuid not null references review_round (id),
    series_id uuid not null references series (id),
    state varchar(16) not null,
    ratio numeric(5, 4) not null check (ratio >= 0.15 and ratio <= 1),
    inspectors_per_application integer not null check (inspectors_per_application between 1 and 5),
    seed_commitment varchar(64) not null,
    server_salt varchar(64) not null,
    population_hash varchar(64) not null,
    population_size integer not null check (population_size > 0),
    seed varchar(64),
    sample_size integer,
    corrects_draw_id uuid references spot_check_draw (id),
    correction_reason varchar(1000),
    committed_by uuid not null references account (id),
    committed_at timestamp with time zone not null,
    drawn_by uuid references account (id),
    drawn_at timestamp with time zone,
    version bigint not null,
    created_at timestamp with time zone not null
);
create index spot_check_draw_round on spot_check_draw (round_id, series_id);
create index spot_check_draw_committee on spot_check_draw (committee_id);

-- R19: the ordered population frozen at commitment; the public verifier recomputes its hash.
create table spot_check_population (
    draw_id uuid not null references spot_check_draw (id),
    application_id uuid not null references application (id),
    primary key (draw_id, application_id)
);

-- R18: the applications drawn, in draw order, and the office's conclusion on each.
create table spot_check_sample (
    draw_id uuid not null references spot_check_draw (id),
    application_id uuid not null references application (id),
    draw_rank integer not null,
    outcome varchar(20),
    outcome_note varchar(2000),
    concluded_by uuid references account (id),
    concluded_at timestamp with time zone,
    version bigint not null,
    primary key (draw_id, application_id)
);
create index spot_check_sample_application on spot_check_sample (application_id);

-- R19: the inspectors considered (the committee's pool of the round's year) ...
create table spot_check_candidate (
    draw_id uuid not null references spot_check_draw (id),
    expert_id uuid not null references expert (id),
    primary key (draw_id, expert_id)
);

-- ... those recused from one sampled application (same unit, declared conflict), with the reason ...
create table spot_check_recusal (
    draw_id uuid not null references spot_check_draw (id),
    application_id uuid not null references application (id),
    expert_id uuid not null references expert (id),
    reason varchar(300) not null,
    primary key (draw_id, application_id, expert_id)
);

-- ... and those drawn to check it.
create table spot_check_inspector (
    draw_id uuid not null references spot_check_draw (id),
    application_id uuid not null references application (id),
    expert_id uuid not null references expert (id),
    draw_rank integer not null,
    primary key (draw_id, application_id, expert_id)
);
create index spot_check_inspector_expert on spot_check_inspector (expert_id);

-- R18: an inspector's finding on one evidence item of a sampled application.
create table spot_check_finding (
    id uuid primary key,
    draw_id uuid not null,
    application_id uuid not null,
    expert_id uuid not null,
    evidence_item_id uuid not null references evidence_item (id),
    result varchar(16) not null,
    note varchar(2000),
    recorded_at timestamp with time zone not null,
    version bigint not null,
    unique (draw_id, application_id, expert_id, evidence_item_id),
    foreign key (draw_id, application_id, expert_id) references spot_check_inspector (draw_id, application_id, expert_id)
);

-- Files an inspector attaches to a finding, through the evidence store port.
create table spot_check_attachment (
    id uuid primary key,
    finding_id uuid not null references spot_check_finding (id),
    file_name varchar(255) not null,
    content_type varchar(100) not null,
    size bigint not null check (size > 0),
    object_key varchar(300) not null unique,
    status varchar(16) not null,
    uploaded_at timestamp with time zone,
    created_at timestamp with time zone not null
);
create index spot_check_attachment_finding on spot_check_attachment (finding_id);

-- R18: applicants, units and departments must cooperate: a question with an answer due in N working days.
create table spot_check_request (
    id uuid primary key,
    draw_id uuid not null,
    application_id uuid not null,
    addressee varchar(16) not null,
    question varchar(2000) not null,
    working_days integer not null check (working_days between 1 and 30),
    due_on date not null,
    requested_by uuid not null references account (id),
    requested_at timestamp with time zone not null,
    answer varchar(4000),
    answered_by uuid references account (id),
    answered_at timestamp with time zone,
    version bigint not null,
    foreign key (draw_id, application_id) references spot_check_sample (draw_id, application_id)
);
create index spot_check_request_sample on spot_check_request (draw_id, application_id);

-- R31: a verifier's report of a forged, altered or misused certificate, and the staff's decision on it.
create table certificate_report (
    id uuid primary key,
    reference varchar(16) not null unique,
    certificate_number varchar(64),
    payload varchar(8000),
    reason varchar(2000) not null,
    contact varchar(200),
    state varchar(16) not null,
    decision_note varchar(2000),
    decided_by uuid references account (id),
    decided_at timestamp with time zone,
    version bigint not null,
    created_at timestamp with time zone not null
);
create index certificate_report_state on certificate_report (state, created_at);

-- R20, R21, R31: what a record is about, and its rescission (a record is never deleted; every change is audited).
alter table integrity_record add column application_id uuid references application (id);
alter table integrity_record add column certificate_id uuid references certificate (id);
alter table integrity_record add column spot_check_draw_id uuid references spot_check_draw (id);
alter table integrity_record add column report_id uuid references certificate_report (id);
alter table integrity_record add column person_name varchar(100);
alter table integrity_record add column rescinded_at timestamp with time zone;
alter table integrity_record add column rescinded_by uuid references account (id);
alter table integrity_record add column rescission_reason varchar(1000);
alter table integrity_record add column version bigint not null default 0;
create index integrity_record_unit on integrity_record (unit_id);
create index integrity_record_application on integrity_record (application_id);
