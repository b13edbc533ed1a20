-- Segments ask "is this consent in force" (the latest decision per customer and purpose) for every
-- customer at once: an index on (customer, purpose, position) answers it from the index alone.
CREATE INDEX ix_customer_consent_purpose ON customer_consent (customer_id, purpose, position, granted);
