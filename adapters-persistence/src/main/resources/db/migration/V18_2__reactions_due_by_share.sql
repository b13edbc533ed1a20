-- Reactions that keep up (issue 16, part 3).
-- Each reactions worker reads the due events of its own share of the customers
-- (MOD(CRC32(customer_id), workers) = share) in due order. With the customer in the due index the
-- scan judges the share on the index alone and stops at the batch's size, instead of visiting
-- every due row of the other workers' customers in the table.
ALTER TABLE customer_event
    DROP INDEX ix_customer_event_due,
    ADD KEY ix_customer_event_due (react_due_at, customer_id);
