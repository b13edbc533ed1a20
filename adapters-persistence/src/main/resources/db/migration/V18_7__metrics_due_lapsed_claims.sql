-- The metrics' worker claimed "claimed_by IS NULL OR claimed_until < now ORDER BY customer_id LIMIT
-- 200": no index serves an OR of two columns, so every claim (about one a second) walked the table
-- in key order through every customer a running import holds (claimed_until NULL, never taken):
-- ~8 million rows read a minute by MariaDB during a 100,000-customer import, for no claim. The
-- worker now claims the unclaimed through ix_customer_metrics_due_claim and the lapsed claims
-- through this index, each read in its index's order up to the limit (no sort, no other row).
ALTER TABLE customer_metrics_due ADD KEY ix_customer_metrics_due_lapsed (claimed_until);
