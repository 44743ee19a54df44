-- The public status check (benchmark P1) reads only these columns by number: with them in the index it is an
-- index-only scan and never visits the table, whose rows are wide (the signed payload). PostgreSQL only: H2 has no
-- INCLUDE, and the embedded default does not need it.
create index certificate_status on certificate (number)
    include (id, kind, status, issued_on, term_ends_on, revoked_at, revocation_cause, superseded_at);
