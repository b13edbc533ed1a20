-- Issue 18, pending points: an order that can still be cancelled or returned holds its points as
-- the first phase of a two-phase transfer. pending_points is the transfer's state, one row per
-- purchase (PENDING, then POSTED or VOIDED; its guarded update is what makes a posting happen once);
-- pending_points_step is its append-only ledger (PENDING when held, POSTED when credited to the
-- wallet - whose EARN entry names the same purchase -, VOIDED for what a cancellation or a refund
-- took while pending). Nothing is deleted; an erasure keeps the pseudonymised customer, as the
-- wallet does.
CREATE TABLE pending_points (
    purchase_id    CHAR(36)    NOT NULL,
    customer_id    CHAR(36)    NOT NULL,
    points_held    BIGINT      NOT NULL,
    points_pending BIGINT      NOT NULL,
    status         VARCHAR(8)  NOT NULL,
    post_at        DATETIME(6) NOT NULL,
    held_at        DATETIME(6) NOT NULL,
    resolved_at    DATETIME(6) NULL,
    PRIMARY KEY (purchase_id),
    KEY ix_pending_points_due (status, post_at),
    KEY ix_pending_points_customer (customer_id, status),
    CONSTRAINT ck_pending_points CHECK (points_held > 0 AND points_pending BETWEEN 0 AND points_held),
    CONSTRAINT ck_pending_points_status CHECK (status IN ('PENDING', 'POSTED', 'VOIDED')),
    CONSTRAINT fk_pending_points_purchase FOREIGN KEY (purchase_id) REFERENCES purchase (id),
    CONSTRAINT fk_pending_points_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pending_points_step (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    purchase_id CHAR(36)     NOT NULL,
    customer_id CHAR(36)     NOT NULL,
    step        VARCHAR(8)   NOT NULL,
    points      BIGINT       NOT NULL,
    reason      VARCHAR(200) NOT NULL,
    post_at     DATETIME(6)  NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_pending_points_step_customer (customer_id, id),
    KEY ix_pending_points_step_purchase (purchase_id, id),
    CONSTRAINT ck_pending_points_step CHECK (points >= 0 AND step IN ('PENDING', 'POSTED', 'VOIDED')),
    CONSTRAINT fk_pending_points_step_purchase FOREIGN KEY (purchase_id) REFERENCES pending_points (purchase_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
