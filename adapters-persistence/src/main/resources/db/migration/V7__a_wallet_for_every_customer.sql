-- Every customer has a wallet from enrolment on, so that a wallet's writers only ever lock an
-- existing row (a locking read of a missing row locks a gap, and two such gaps deadlock inserts).
INSERT INTO wallet (customer_id, balance, version)
SELECT c.id, 0, 1 FROM customer c WHERE NOT EXISTS (SELECT 1 FROM wallet w WHERE w.customer_id = c.id);
