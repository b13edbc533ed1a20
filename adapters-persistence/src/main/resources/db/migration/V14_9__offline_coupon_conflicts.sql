-- Issue 18: a coupon redeemed twice by tills that were offline. The later upload keeps its purchase
-- and its discount (never a failed upload); the discount is the programme's loss, listed for the
-- console. Rows are never deleted (an erasure pseudonymises the customer like the purchases).
CREATE TABLE coupon_conflict (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    code             VARCHAR(32)  NOT NULL,
    purchase_id      CHAR(36)     NOT NULL,
    store_id         VARCHAR(64)  NOT NULL,
    customer_id      CHAR(36)     NULL,
    discount_cents   BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    occurred_at      DATETIME(6)  NOT NULL,
    recorded_at      DATETIME(6)  NOT NULL,
    first_redemption VARCHAR(80)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_coupon_conflict UNIQUE (purchase_id, code),
    KEY ix_coupon_conflict_recorded (recorded_at),
    CONSTRAINT fk_coupon_conflict_purchase FOREIGN KEY (purchase_id) REFERENCES purchase (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
