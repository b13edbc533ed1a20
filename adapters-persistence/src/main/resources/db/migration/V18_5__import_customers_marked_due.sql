-- An import no longer names its customers in import_customer and recomputes them itself at its
-- end: each batch marks its customers due in customer_metrics_due, held by the import (claimed_by
-- its id, claimed_until NULL: the metrics' worker takes only claims that lapsed, and a read that
-- settles due customers leaves claims without an end), and the import's end hands them to the
-- worker (claimed_by NULL), which recomputes each once - the one mechanism of live purchases.
-- The customers an import running through this upgrade had named are marked due now (its batches
-- to come mark theirs as above).
INSERT INTO customer_metrics_due (customer_id, marked_at)
SELECT DISTINCT customer_id, UTC_TIMESTAMP(6) FROM import_customer
ON DUPLICATE KEY UPDATE marked_at = VALUES(marked_at), claimed_by = NULL, claimed_until = NULL;

DROP TABLE import_customer;
