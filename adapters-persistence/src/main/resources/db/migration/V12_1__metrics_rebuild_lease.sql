-- The rebuild's lease, so that one instance rebuilds the metrics at a time and the nightly run
-- happens once however many instances fire it: the instance whose conditional UPDATE sets
-- running_until (NULL or past) holds it, renews it with every batch and clears it at the end;
-- started_at names the run that holds it. rebuilt_at stays the instant of the last finished run.
ALTER TABLE metrics_rebuild
    ADD COLUMN started_at    DATETIME(6) NULL,
    ADD COLUMN running_until DATETIME(6) NULL;
