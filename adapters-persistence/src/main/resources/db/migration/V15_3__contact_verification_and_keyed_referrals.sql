-- A contact (e-mail, phone) a customer changes in the app is not used for messages until the
-- customer confirms the code sent to it. One row per customer and channel while it waits: the
-- contact verified before it (messages go there meanwhile; NULL: none), the keyed digest of the
-- code (never the code), when the code expires and how many wrong codes are still allowed. The row
-- goes when the contact is verified, given back, or erased.
CREATE TABLE contact_verification (
    customer_id     CHAR(36)     NOT NULL,
    channel         VARCHAR(8)   NOT NULL,
    verified_before VARCHAR(254) NULL,
    code_digest     CHAR(64)     NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    attempts_left   INT          NOT NULL,
    requested_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (customer_id, channel),
    CONSTRAINT fk_contact_verification_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The referral's contact hash was the plain SHA-256 of the e-mail or phone: a phone number is found
-- again by trying them all. It becomes an HMAC keyed with LOYALTY_HASH_SECRET over that SHA-256;
-- the rows stored plain are keyed as the service starts (ReferralContactKeying: the secret is not
-- the database's to know), marked here until then.
ALTER TABLE referral ADD COLUMN contact_hash_keyed BOOLEAN NOT NULL DEFAULT FALSE;
