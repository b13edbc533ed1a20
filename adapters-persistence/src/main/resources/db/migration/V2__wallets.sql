-- Each customer's points ledger: entries are appended, never updated or deleted; the balance
-- is derived from them and cached on the wallet row, guarded by its version.

CREATE TABLE wallet (
    customer_id CHAR(36) NOT NULL,
    balance     BIGINT   NOT NULL,
    version     BIGINT   NOT NULL,
    PRIMARY KEY (customer_id),
    CONSTRAINT ck_wallet_balance_not_negative CHECK (balance >= 0),
    CONSTRAINT fk_wallet_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wallet_entry (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    customer_id CHAR(36)     NOT NULL,
    sequence    BIGINT       NOT NULL,
    type        VARCHAR(8)   NOT NULL,
    points      BIGINT       NOT NULL,
    debt        BIGINT       NOT NULL,
    reason      VARCHAR(200) NOT NULL,
    reference   VARCHAR(255) NULL,
    occurred_at DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_wallet_entry_sequence UNIQUE (customer_id, sequence),
    KEY ix_wallet_entry_reference (customer_id, reference),
    CONSTRAINT fk_wallet_entry_wallet FOREIGN KEY (customer_id) REFERENCES wallet (customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
