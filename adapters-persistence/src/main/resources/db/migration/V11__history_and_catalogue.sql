-- Sales history import and the catalogue.
--
-- Imported purchases live beside the live ones in purchase/purchase_line, told apart by source:
-- LIVE (recorded by a till or a shop through the API) or IMPORT (loaded from a retailer's history;
-- counted for tiers and history, never a trigger of rules, messages or missions).

ALTER TABLE purchase ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'LIVE';

-- One import of a sales history file: the file spooled on the disk of the instance that took it,
-- the position after the last receipt committed (a byte offset and line for CSV, a transaction
-- ordinal for POSLog), the counters, and a lease: the worker that holds it renews it with every
-- batch; an expired lease is taken over by another worker, which goes on from the position.
-- running_programme is set while the import runs and unique: one running import per programme.
CREATE TABLE import_job (
    id                CHAR(36)      NOT NULL,
    running_programme VARCHAR(32)   NULL,
    status            VARCHAR(9)    NOT NULL,
    format            VARCHAR(8)    NOT NULL,
    award_points      BOOLEAN       NOT NULL,
    file_path         VARCHAR(1000) NOT NULL,
    file_bytes        BIGINT        NOT NULL DEFAULT 0,
    spooled           BOOLEAN       NOT NULL DEFAULT FALSE,
    position_offset   BIGINT        NOT NULL DEFAULT 0,
    position_line     BIGINT        NOT NULL DEFAULT 0,
    last_receipt      VARCHAR(200)  NULL,
    rows_read         BIGINT        NOT NULL DEFAULT 0,
    imported          BIGINT        NOT NULL DEFAULT 0,
    duplicates        BIGINT        NOT NULL DEFAULT 0,
    rejected          BIGINT        NOT NULL DEFAULT 0,
    lease_owner       VARCHAR(64)   NULL,
    lease_until       DATETIME(6)   NULL,
    error             VARCHAR(500)  NULL,
    started_by        VARCHAR(255)  NOT NULL,
    started_at        DATETIME(6)   NOT NULL,
    finished_at       DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_import_job_running UNIQUE (running_programme),
    KEY ix_import_job_status (status, lease_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A rejected row (or POSLog transaction): where, why, and an excerpt with contacts masked.
CREATE TABLE import_reject (
    import_id   CHAR(36)     NOT NULL,
    line_number BIGINT       NOT NULL,
    reason      VARCHAR(300) NOT NULL,
    excerpt     VARCHAR(200) NOT NULL,
    PRIMARY KEY (import_id, line_number),
    CONSTRAINT fk_import_reject_job FOREIGN KEY (import_id) REFERENCES import_job (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The catalogue: categories (with the categories proposed to who bought them) and products. A
-- sale of a SKU not listed still counts under the category its line names.
CREATE TABLE category (
    id         VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    cross_sell VARCHAR(2000) NOT NULL DEFAULT '',
    version    BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE product (
    sku              VARCHAR(64)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    category         VARCHAR(64)  NOT NULL,
    brand            VARCHAR(100) NULL,
    consumption_days INT          NULL,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (sku),
    KEY ix_product_category (category)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
