-- R18, R19: a spot check's population is read by round and series (the accepted applications of one series in a
-- review round); without this index every commitment and draw scans the whole application table.
create index application_round_series on application (round_id, series_id);
