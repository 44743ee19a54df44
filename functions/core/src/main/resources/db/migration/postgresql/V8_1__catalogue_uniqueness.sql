-- R22: at most one pending and one approved filing per unit and series (and specialty) at a time; a renewal may be
-- pending beside the approved filing it renews. R25: an appointment is recorded once unless withdrawn. The services
-- check these first and answer with a problem; the indexes close the race between two requests. PostgreSQL only:
-- H2 has no partial indexes, and the embedded default serves one user at a time.
create unique index series_filing_one_pending on series_filing (unit_id, series_id, coalesce(specialty, ''))
    where state in ('SUBMITTED', 'RETURNED');
create unique index series_filing_one_approved on series_filing (unit_id, series_id, coalesce(specialty, ''))
    where state = 'APPROVED';
create unique index appointment_once on appointment (unit_id, person_id, series_id, level, appointed_on)
    where state <> 'WITHDRAWN';
