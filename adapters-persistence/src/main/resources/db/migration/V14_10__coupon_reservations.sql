-- Issue 18: a till holds a customer's coupon for offline use; until reserved_until no other store
-- redeems it. Kept after they end (history of who held what).
CREATE TABLE coupon_reservation (
    id             CHAR(36)    NOT NULL,
    code           VARCHAR(32) NOT NULL,
    store_id       VARCHAR(64) NOT NULL,
    reserved_until DATETIME(6) NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_coupon_reservation_code (code, reserved_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
