-- Customer metrics brought up to date just after the purchase rather than inside it (issue 16,
-- item 2): a purchase or a reversal marks its customer due (one upsert by primary key, which also
-- takes back a claim: the claimer recomputed too early for it); a worker of each instance claims
-- due customers in batches, recomputes them set-based and deletes the rows it still holds. A read of
-- a due customer's profile recomputes that customer first; segment evaluations and campaign runs
-- recompute every customer marked before they start. No foreign key: the purchase pays for no
-- lookup of the customer, and an erasure deletes the row with the other derived data.
--
-- claimed_by/claimed_until: the claim of a worker (a random id) and when it lapses (a worker that
-- died leaves rows another takes over); NULL while nobody holds it.
CREATE TABLE customer_metrics_due (
    customer_id   CHAR(36)    NOT NULL,
    marked_at     DATETIME(6) NOT NULL,
    claimed_by    CHAR(36)    NULL,
    claimed_until DATETIME(6) NULL,
    PRIMARY KEY (customer_id),
    KEY ix_customer_metrics_due_claim (claimed_by)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
