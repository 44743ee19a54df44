-- R18, R32: a spot-check question's due date is its SPOT_CHECK_RESPONSE deadline's, read from there; no copy.
alter table spot_check_request drop column due_on;
-- Its number of working days is the deadline's too (deadline.days).
alter table spot_check_request drop column working_days;
