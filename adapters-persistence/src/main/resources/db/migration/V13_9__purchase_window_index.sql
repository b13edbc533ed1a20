-- Segments ask "who bought category/SKU X between n and m days ago" (receipt lines, not the metrics
-- tables): the purchases of a window, with their customer, read from this index alone, then their
-- lines by primary key - instead of one dive into ix_purchase_customer per customer.
CREATE INDEX ix_purchase_occurred ON purchase (occurred_at, customer_id);
