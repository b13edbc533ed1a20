-- ReferralContactKeying looks for referral contact digests still stored plain each time the service
-- starts; without an index that was a scan of the whole referral table at every start, for rows that
-- exist only once, after an upgrade. With this index it reads the (usually empty) range of unkeyed
-- rows in id order and stops.
CREATE INDEX ix_referral_unkeyed ON referral (contact_hash_keyed, id);
