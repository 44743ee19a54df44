-- Audit events are append-only (R25: every step traceable, kept at least 10 years): the database itself
-- refuses to change or delete one, whatever the application does.
create function audit_event_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'audit events are append-only (R25)';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();
