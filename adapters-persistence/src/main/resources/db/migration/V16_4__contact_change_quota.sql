-- The new contacts (e-mail, phone) a customer gave in the app within their current day, each of which
-- was sent a code: LOYALTY_LIMITS_CONTACT_CHANGES_PER_DAY of them a day. Kept here, not in an
-- instance's memory, so two instances and a restart count the same. One row per customer: the window
-- opens with the first contact counted and lasts a day; the row is locked while a change counts.
-- No personal data: the customer's id and a number.
CREATE TABLE contact_change_quota (
    customer_id  CHAR(36)    NOT NULL,
    window_start DATETIME(6) NOT NULL,
    used         INT         NOT NULL,
    PRIMARY KEY (customer_id),
    CONSTRAINT fk_contact_change_quota_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
