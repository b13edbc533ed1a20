-- The customer's timeline reads each part of the programme by (customer, time), newest first, cut to
-- the page: the pending-points steps join it (issue 18), so they get that index too.
CREATE INDEX ix_pending_points_step_customer_time ON pending_points_step (customer_id, occurred_at);
