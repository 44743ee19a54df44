-- R25: an upload's per-row report names the person of each row (the contract's `name`), refused rows included,
-- which have no appointment to read it from.
alter table appointment_upload_row add column holder_name varchar(100);
