-- Leave room on each page so the overdue sweep's state changes can be heap-only (HOT) updates (benchmark P4).
alter table deadline set (fillfactor = 70);
