-- R27, R28, R30: the certificate's printed fields; what a verifier is told (R29 supersession, R20/R31 revocation).
alter table certificate add column kind varchar(16) default 'TITLE' not null;
alter table certificate add column holder_sex varchar(8);
alter table certificate add column practised_specialty varchar(100);
alter table certificate add column post varchar(100);
alter table certificate add column term_starts_on date;
alter table certificate add column term_ends_on date;
alter table certificate add column publication_number varchar(100);
alter table certificate add column grassroots boolean default false not null;
alter table certificate add column photo_key varchar(300);
alter table certificate add column photo_content_type varchar(100);
-- issue 7 links an appointment certificate to its appointment record; the table comes with the catalogue
alter table certificate add column appointment_id uuid;
alter table certificate add column revocation_cause varchar(16);
-- R29: a reissue is a new certificate with a new number; application_id stays on the first one only
alter table certificate add column supersedes_id uuid references certificate (id);
alter table certificate add column superseded_at timestamp with time zone;
alter table certificate add column reissue_reason varchar(16);
create index certificate_issuer_issued on certificate (issuer_id, issued_on);
create index certificate_supersedes on certificate (supersedes_id);

-- R27: the holder's photo, uploaded with the application and copied to the certificate at issuance;
-- R30: the grassroots track (定向评价、定向使用), chosen when applying.
alter table application add column grassroots boolean default false not null;
alter table application add column practised_specialty varchar(100);
alter table application add column photo_key varchar(300);
alter table application add column photo_content_type varchar(100);
alter table application add column photo_size bigint;
alter table application add column photo_uploaded_at timestamp with time zone;

-- Key rotation keeps the retired key listed with its validity and why it was retired.
alter table signing_key add column retired_reason varchar(200);

-- R29: a holder asks the original issuer (谁发证，向谁申请) to reissue a lost or damaged certificate.
create table certificate_reissue_request (
    id uuid primary key,
    certificate_id uuid not null references certificate (id),
    person_id uuid not null references person (id),
    issuer_id uuid not null references unit (id),
    reason varchar(16) not null,
    note varchar(1000),
    state varchar(16) not null,
    decided_by uuid references account (id),
    decided_at timestamp with time zone,
    decision_note varchar(1000),
    new_certificate_id uuid references certificate (id),
    version bigint not null,
    created_at timestamp with time zone not null
);
create index certificate_reissue_request_issuer on certificate_reissue_request (issuer_id, state);
create index certificate_reissue_request_certificate on certificate_reissue_request (certificate_id);

-- R29: each issuer reports last year's certificates by the end of January (a deadline through the engine).
create table issuance_report (
    id uuid primary key,
    issuer_id uuid not null references unit (id),
    report_year integer not null,
    state varchar(16) not null,
    certificate_count integer,
    submitted_by uuid references account (id),
    submitted_at timestamp with time zone,
    version bigint not null,
    created_at timestamp with time zone not null,
    constraint issuance_report_issuer_year unique (issuer_id, report_year)
);

-- R27: the issuer's seal image printed on certificates; the file is in the evidence store under seal/.
create table issuer_seal_image (
    issuer_id uuid primary key references unit (id),
    image_key varchar(300) not null,
    content_type varchar(100) not null,
    size bigint not null,
    sha256 varchar(64) not null,
    uploaded_by uuid not null references account (id),
    uploaded_at timestamp with time zone not null,
    version bigint not null
);
