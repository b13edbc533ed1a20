-- Segments ask "who bought category/SKU X (between n and m days ago, and not since)". Reading it
-- from the receipts meant every purchase of the window and then each of its lines (random reads in
-- the largest table): 17-32 s at a million customers. This is the answer kept narrow: one row per
-- purchase of an identified customer and each category (kind 'C') and each SKU (kind 'S') of which
-- the purchase still keeps a unit (quantity > reversed_quantity, as the metrics count a line), with
-- the purchase's time and customer, so that ix_purchase_bought_item alone answers a window of one
-- category or SKU in index order. Anonymous sales have no row (no customer to target).
--
-- Kept by the purchase adapter (a row per category and SKU in one INSERT with the purchase; a
-- reversal that gives a line back in full deletes what no kept line names any more), the import (its
-- batch's rows in the batch's transaction) and the metrics rebuild (each batch of customers
-- reconciled against their purchases), which also repairs it.
CREATE TABLE purchase_bought (
    purchase_id CHAR(36)    NOT NULL,
    kind        CHAR(1)     NOT NULL,
    item        VARCHAR(64) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    customer_id CHAR(36)    NOT NULL,
    PRIMARY KEY (purchase_id, kind, item),
    KEY ix_purchase_bought_item (kind, item, occurred_at, customer_id),
    CONSTRAINT ck_purchase_bought_kind CHECK (kind IN ('C', 'S'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Filled from the history already recorded, set-based (DISTINCT: a purchase may have several lines
-- of one category or SKU; the same collation as purchase_line, so the same duplicates).
INSERT INTO purchase_bought (purchase_id, kind, item, occurred_at, customer_id)
SELECT DISTINCT p.id, 'C', l.category, p.occurred_at, p.customer_id
FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id
WHERE p.customer_id IS NOT NULL AND l.quantity > l.reversed_quantity;

INSERT INTO purchase_bought (purchase_id, kind, item, occurred_at, customer_id)
SELECT DISTINCT p.id, 'S', l.sku, p.occurred_at, p.customer_id
FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id
WHERE p.customer_id IS NOT NULL AND l.quantity > l.reversed_quantity;
