-- Coupon templates (what a coupon gives and when it may be used) and the coupons issued from
-- them, personal (bound to a customer) or bearer. Codes are unique.

CREATE TABLE coupon_template (
    id                 CHAR(36)     NOT NULL,
    name               VARCHAR(200) NOT NULL,
    discount_type      VARCHAR(16)  NOT NULL,
    discount_value     BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    min_spend          BIGINT       NULL,
    channels           VARCHAR(64)  NOT NULL,
    valid_from         DATETIME(6)  NULL,
    valid_until        DATETIME(6)  NULL,
    valid_days         INT          NULL,
    per_customer_limit INT          NULL,
    categories         TEXT         NOT NULL,
    max_redemptions    BIGINT       NULL,
    redemptions        BIGINT       NOT NULL DEFAULT 0,
    created_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE coupon (
    code                 CHAR(9)      NOT NULL,
    template_id          CHAR(36)     NOT NULL,
    customer_id          CHAR(36)     NULL,
    status               VARCHAR(10)  NOT NULL,
    valid_from           DATETIME(6)  NOT NULL,
    valid_until          DATETIME(6)  NOT NULL,
    redemption_reference VARCHAR(255) NULL,
    issued_at            DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL,
    PRIMARY KEY (code),
    KEY ix_coupon_customer (customer_id, status),
    KEY ix_coupon_template (template_id),
    CONSTRAINT fk_coupon_template FOREIGN KEY (template_id) REFERENCES coupon_template (id),
    CONSTRAINT fk_coupon_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
