-- Purchases recorded once per store receipt, their lines (with the coupon discount and the exact
-- points each earned, and how many units were given back), the coupons they redeemed and the
-- reversals (voids and refunds) that gave units back. Plus the idempotency records of the API and
-- what the expiry job needs to find wallets with points due to expire without scanning them all.

CREATE TABLE purchase (
    id              CHAR(36)    NOT NULL,
    store_id        VARCHAR(64) NOT NULL,
    receipt_id      VARCHAR(64) NOT NULL,
    channel         VARCHAR(8)  NOT NULL,
    customer_id     CHAR(36)    NULL,
    occurred_at     DATETIME(6) NOT NULL,
    recorded_at     DATETIME(6) NOT NULL,
    currency        CHAR(3)     NOT NULL,
    total_paid      BIGINT      NOT NULL,
    points_awarded  BIGINT      NOT NULL,
    points_reversed BIGINT      NOT NULL,
    amount_reversed BIGINT      NOT NULL,
    reversals       INT         NOT NULL,
    version         BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_purchase_receipt UNIQUE (store_id, receipt_id),
    KEY ix_purchase_customer (customer_id, occurred_at),
    CONSTRAINT ck_purchase_points CHECK (points_reversed BETWEEN 0 AND points_awarded),
    CONSTRAINT fk_purchase_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE purchase_line (
    purchase_id       CHAR(36)    NOT NULL,
    line_number       INT         NOT NULL,
    sku               VARCHAR(64) NOT NULL,
    category          VARCHAR(64) NOT NULL,
    quantity          INT         NOT NULL,
    unit_price        BIGINT      NOT NULL,
    discount          BIGINT      NOT NULL,
    earned_millionths BIGINT      NOT NULL,
    reversed_quantity INT         NOT NULL,
    PRIMARY KEY (purchase_id, line_number),
    CONSTRAINT ck_purchase_line_reversed CHECK (reversed_quantity BETWEEN 0 AND quantity),
    CONSTRAINT fk_purchase_line_purchase FOREIGN KEY (purchase_id) REFERENCES purchase (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE purchase_coupon (
    purchase_id CHAR(36) NOT NULL,
    code        CHAR(9)  NOT NULL,
    position    INT      NOT NULL,
    discount    BIGINT   NOT NULL,
    PRIMARY KEY (purchase_id, code),
    KEY ix_purchase_coupon_code (code),
    CONSTRAINT fk_purchase_coupon_purchase FOREIGN KEY (purchase_id) REFERENCES purchase (id),
    CONSTRAINT fk_purchase_coupon_coupon FOREIGN KEY (code) REFERENCES coupon (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per reversal that gave units back; lines_returned is 'line:units' separated by spaces.
CREATE TABLE purchase_reversal (
    purchase_id    CHAR(36)      NOT NULL,
    sequence       INT           NOT NULL,
    lines_returned VARCHAR(4000) NOT NULL,
    amount         BIGINT        NOT NULL,
    points         BIGINT        NOT NULL,
    complete       BOOLEAN       NOT NULL,
    occurred_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (purchase_id, sequence),
    CONSTRAINT fk_purchase_reversal_purchase FOREIGN KEY (purchase_id) REFERENCES purchase (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who redeemed a coupon (a bearer code has no owner), for per-customer limits.
ALTER TABLE coupon
    ADD COLUMN redeemed_by CHAR(36) NULL AFTER redemption_reference,
    ADD KEY ix_coupon_redeemed_by (template_id, redeemed_by, status);

-- The earliest instant at which some of the wallet's points expire (NULL: none will).
ALTER TABLE wallet
    ADD COLUMN next_expiry_at DATETIME(6) NULL,
    ADD KEY ix_wallet_next_expiry (next_expiry_at);

-- A state-changing request's key, per client (key_hash = SHA-256 of the client's scope and key),
-- the fingerprint of its body and the response to replay. Written in the transaction of the
-- request itself, so a key exists only with the effects of its request.
CREATE TABLE idempotency_record (
    key_hash    CHAR(64)     NOT NULL,
    fingerprint CHAR(64)     NOT NULL,
    status      INT          NOT NULL,
    body        MEDIUMTEXT   NOT NULL,
    location    VARCHAR(512) NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (key_hash),
    KEY ix_idempotency_record_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
