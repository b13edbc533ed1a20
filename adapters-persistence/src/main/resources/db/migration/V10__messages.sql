-- The message outbox: one row per message to a customer, written in the transaction of the change
-- that caused it (unique by cause) and sent after commit by relays that claim due rows with
-- SELECT ... FOR UPDATE SKIP LOCKED. The id is stable for the message's life and is what
-- idempotent providers receive. next_attempt_at is also the lease of the relay that claimed the
-- row (leases counts the claims); counted_at is when a marketing message took a pressure slot.
CREATE TABLE message (
    id                CHAR(36)     NOT NULL,
    customer_id       CHAR(36)     NOT NULL,
    cause             VARCHAR(255) NOT NULL,
    requested_channel VARCHAR(16)  NULL,
    channel           VARCHAR(16)  NULL,
    kind              VARCHAR(16)  NOT NULL,
    priority          INT          NOT NULL,
    template          TEXT         NOT NULL,
    template_values   TEXT         NOT NULL,
    store_id          VARCHAR(64)  NULL,
    status            VARCHAR(16)  NOT NULL,
    reason            VARCHAR(500) NULL,
    attempts          INT          NOT NULL,
    leases            INT          NOT NULL,
    next_attempt_at   DATETIME(6)  NOT NULL,
    counted_at        DATETIME(6)  NULL,
    provider_id       VARCHAR(64)  NULL,
    created_at        DATETIME(6)  NOT NULL,
    sent_at           DATETIME(6)  NULL,
    updated_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_message_cause UNIQUE (cause),
    KEY ix_message_due (status, next_attempt_at),
    KEY ix_message_customer (customer_id, created_at),
    KEY ix_message_pressure (customer_id, kind, counted_at),
    KEY ix_message_provider (provider_id),
    KEY ix_message_store (store_id, channel, status),
    CONSTRAINT fk_message_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each message's history, appended: statuses reached and attempts made, with what happened.
CREATE TABLE message_status (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    message_id  CHAR(36)     NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    detail      VARCHAR(500) NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_message_status_message (message_id, id),
    CONSTRAINT fk_message_status_message FOREIGN KEY (message_id) REFERENCES message (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
