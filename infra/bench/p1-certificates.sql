-- Benchmark P1: :rows certificates of the demo HR bureau (WFHRSS) with valid numbers, for the public status route.
-- Run by infra/bench.sh p1 against a database the packaged server has migrated and seeded. Foreign keys hold: the
-- demo bureau, the demo applicant and a signing key of the bureau. The mix follows what verifiers meet: mostly
-- valid title certificates, a tenth appointment certificates (part of them past their term), 2% revoked and 2%
-- superseded by the next row, which is their reissue.
\set ON_ERROR_STOP on

-- ISO/IEC 7064 MOD 37,36 check character, as CertificateNumber.checkCharFor computes it.
create function pg_temp.check_char(payload text) returns text language plpgsql immutable as $$
declare
    alphabet constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    p int := 36;
    s int;
begin
    for i in 1..length(payload) loop
        s := (p + position(substr(payload, i, 1) in alphabet) - 1) % 36;
        if s = 0 then
            s := 36;
        end if;
        p := (2 * s) % 37;
    end loop;
    return substr(alphabet, (37 - p) % 36 + 1, 1);
end $$;

insert into signing_key (kid, issuer_id, provider, key_ref, public_key, valid_from)
select 'WFHRSS-be4c0001', u.id, 'LOCAL', 'bench', 'bench', timestamp with time zone '2000-01-01 00:00:00+08'
from unit u where u.code = 'WFHRSS'
on conflict (kid) do nothing;

insert into certificate (id, number, person_id, issuer_id, kid, holder_name, series_name, level, specialty,
    committee_name, issued_on, payload, status, revoked_at, revocation_reason, revocation_cause, version,
    created_at, kind, holder_sex, post, term_starts_on, term_ends_on, publication_number, grassroots,
    supersedes_id, superseded_at, reissue_reason)
select md5('p1-' || g)::uuid,
       n.code || pg_temp.check_char(n.code),
       person.id, bureau.id, 'WFHRSS-be4c0001', '张伟', '工程技术', 'INTERMEDIATE', '电气工程',
       '潍坊市工程技术中级职称评审委员会', n.issued_on,
       -- about the length of a real compact JWS; the status route never reads it
       repeat('eyJhbGciOiJFUzI1NiJ9', 38),
       case when g % 50 = 7 then 'REVOKED' when g % 50 = 11 then 'SUPERSEDED' else 'VALID' end,
       case when g % 50 = 7 then n.issued_on + time '10:00' + interval '200 days' end,
       case when g % 50 = 7 then 'benchmark' end,
       case when g % 50 = 7 then (array['FRAUD', 'MISUSE', 'CORRECTION'])[g % 3 + 1] end,
       0, n.issued_on + time '09:00',
       case when g % 10 = 3 then 'APPOINTMENT' else 'TITLE' end, 'MALE',
       case when g % 10 = 3 then '工程师' end,
       case when g % 10 = 3 then n.issued_on end,
       case when g % 10 = 3 then n.issued_on + interval '3 years' - interval '1 day' end,
       '潍人社字〔' || n.year || '〕1号', false,
       case when g % 50 = 12 then md5('p1-' || (g - 1))::uuid end,
       case when g % 50 = 11 then n.issued_on + time '11:00' + interval '300 days' end,
       case when g % 50 = 12 then 'LOST' end
from generate_series(1, :rows) g
cross join lateral (
    select 'WFHRSS' || (2000 + (g - 1) / 100000) || lpad(((g - 1) % 100000 + 1)::text, 6, '0') as code,
           2000 + (g - 1) / 100000 as year,
           make_date(2000 + (g - 1) / 100000, 1, 1) + ((g - 1) % 365) as issued_on
) n
cross join (select id from unit where code = 'WFHRSS') bureau
cross join (select p.id from person p join account a on a.person_id = p.id where a.username = 'applicant') person;

analyze certificate;
