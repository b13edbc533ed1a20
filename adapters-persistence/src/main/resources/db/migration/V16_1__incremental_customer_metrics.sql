-- Customer metrics kept current per purchase without reading the customer's history (issue 16,
-- item 2): a new purchase adds itself to the stored figures, and the purchases that left the window
-- since the row was computed are taken out (a range of ix_purchase_customer, usually empty).
--
-- window_months: the window the row's figures were computed over; NULL for a row written before
-- this migration or by the engagement alone. Only a row computed over the configured window (and
-- whose customer_store_metrics rows are therefore complete) is updated incrementally; any other is
-- recomputed in full once, as before. Adding a nullable column last is instant in MariaDB.
ALTER TABLE customer_metrics
    ADD COLUMN window_months INT NULL;

-- Per customer and store: the purchases that count as visits (what is left of them is positive)
-- and the last of them, over all history - the home store is the first row by visits, last visit,
-- store id. Kept with customer_metrics: recomputed with it, a visit added by a new purchase.
CREATE TABLE customer_store_metrics (
    customer_id   CHAR(36)    NOT NULL,
    store_id      VARCHAR(64) NOT NULL,
    visits        INT         NOT NULL,
    last_visit_at DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id, store_id),
    CONSTRAINT fk_customer_store_metrics_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
