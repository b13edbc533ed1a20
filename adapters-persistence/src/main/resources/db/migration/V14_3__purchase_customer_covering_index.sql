-- A campaign's evaluation reads, for each of up to a million members, the purchases of their
-- attribution window and what each paid (total_paid - amount_reversed); so do the customer metrics.
-- The customer's index now carries both figures, so that a window is read from the index alone
-- rather than one primary-key lookup per purchase. Same name and same leading columns: every query
-- that used it keeps using it; dropped and added in one statement, so the customer's foreign key is
-- never without an index.
ALTER TABLE purchase
    DROP INDEX ix_purchase_customer,
    ADD INDEX ix_purchase_customer (customer_id, occurred_at, total_paid, amount_reversed);
