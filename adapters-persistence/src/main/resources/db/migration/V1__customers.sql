-- Customers enrolled in the programme, their consent evidence, and the log of domain events.

CREATE SEQUENCE card_number_serial START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9999999999 NOCYCLE;

CREATE TABLE customer (
    id                CHAR(36)     NOT NULL,
    card_number       CHAR(13)     NOT NULL,
    first_name        VARCHAR(100) NOT NULL,
    last_name         VARCHAR(100) NULL,
    email             VARCHAR(254) NULL,
    phone             VARCHAR(16)  NULL,
    birth_date        DATE         NULL,
    preferred_channel VARCHAR(8)   NOT NULL,
    enrolment_channel VARCHAR(8)   NOT NULL,
    store_id          VARCHAR(64)  NULL,
    referral_code     VARCHAR(32)  NULL,
    enrolled_at       DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_customer_card_number UNIQUE (card_number),
    CONSTRAINT uk_customer_email UNIQUE (email),
    CONSTRAINT uk_customer_phone UNIQUE (phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: each row is one recorded decision (granted or withdrawn) with its evidence, at
-- its position in the customer's history (the latest decision per purpose is the one in force).
CREATE TABLE customer_consent (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    customer_id  CHAR(36)     NOT NULL,
    position     INT          NOT NULL,
    purpose      VARCHAR(32)  NOT NULL,
    granted      BOOLEAN      NOT NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    source       VARCHAR(100) NOT NULL,
    text_version VARCHAR(40)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_customer_consent_position UNIQUE (customer_id, position),
    CONSTRAINT fk_customer_consent_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every domain event, written in the transaction that caused it; consumers read it after commit.
CREATE TABLE domain_event (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    event_id     CHAR(36)    NOT NULL,
    type         VARCHAR(64) NOT NULL,
    aggregate_id VARCHAR(64) NOT NULL,
    occurred_at  DATETIME(6) NOT NULL,
    payload      LONGTEXT    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_domain_event_event_id UNIQUE (event_id),
    KEY ix_domain_event_aggregate (aggregate_id, id),
    KEY ix_domain_event_type (type, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
