-- The rebuild's one row exists from the start: instances claiming the rebuild only UPDATE it. An
-- INSERT IGNORE before the claim took a shared lock on the existing row in every instance, and
-- their UPDATEs then deadlocked on each other's shared locks (found by the race test).
INSERT IGNORE INTO metrics_rebuild (programme, rebuilt_at, window_months, active_customers, recency_cuts,
    frequency_cuts, monetary_cuts, duration_ms)
VALUES ('default', '1970-01-01', 0, 0, '', '', '', 0);
