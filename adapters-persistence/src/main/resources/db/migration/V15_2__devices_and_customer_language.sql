-- Push to the app (issue 18): the language of a customer's messages (a BCP 47 tag such as it or
-- it-IT; NULL: the programme's), and the app installations that receive the customer's push
-- notifications, one row per registration token (a token registered by another customer moves to
-- it). At most a few rows per customer: the service keeps the most recently registered ten.
ALTER TABLE customer ADD COLUMN language VARCHAR(12) NULL;

CREATE TABLE customer_device (
    token         VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id   CHAR(36)     NOT NULL,
    platform      VARCHAR(16)  NOT NULL,
    language      VARCHAR(12)  NULL,
    app_version   VARCHAR(64)  NULL,
    registered_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (token),
    KEY ix_customer_device_customer (customer_id, registered_at),
    CONSTRAINT fk_customer_device_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
