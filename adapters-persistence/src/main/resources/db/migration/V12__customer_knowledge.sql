-- Customer knowledge: who the customer is (a few optional profile attributes), what they bought
-- (metrics kept current per purchase and rebuilt nightly), what they told us (answers to the
-- programme's questions), and the segments built on all of it.
--
-- Amounts are integer cents of the programme's currency; instants are UTC. A purchase counts
-- for the metrics with what it still is after its reversals (total_paid - amount_reversed; a
-- line: quantity - reversed_quantity units). Anonymous purchases count for nobody.

ALTER TABLE customer
    ADD COLUMN city     VARCHAR(100) NULL,
    ADD COLUMN province VARCHAR(100) NULL,
    ADD COLUMN gender   VARCHAR(16)  NULL,
    ADD KEY ix_customer_city (city),
    ADD KEY ix_customer_province (province);

-- One row per customer with a purchase (or an engagement event): the single customer view.
-- frequency, monetary, average_basket, visits_per_month and category shares are over the
-- configured window (default 12 months) ending at computed_at; lifetime_* over all history.
-- recency is not stored: it is the days between last_purchase_at and now, always current.
-- rfm_* are 1-5 quintile scores among the programme's active customers (a purchase in the
-- window) at the last rebuild, or by the boundaries of the last rebuild for a live update;
-- NULL for a customer without a purchase in the window.
CREATE TABLE customer_metrics (
    customer_id            CHAR(36)    NOT NULL,
    first_purchase_at      DATETIME(6) NULL,
    last_purchase_at       DATETIME(6) NULL,
    frequency              INT         NOT NULL DEFAULT 0,
    monetary               BIGINT      NOT NULL DEFAULT 0,
    average_basket         BIGINT      NOT NULL DEFAULT 0,
    visits_per_month_x100  INT         NOT NULL DEFAULT 0,
    lifetime_value         BIGINT      NOT NULL DEFAULT 0,
    lifetime_visits        INT         NOT NULL DEFAULT 0,
    home_store             VARCHAR(64) NULL,
    rfm_r                  TINYINT     NULL,
    rfm_f                  TINYINT     NULL,
    rfm_m                  TINYINT     NULL,
    engagement             INT         NOT NULL DEFAULT 0,
    computed_at            DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id),
    KEY ix_customer_metrics_last (last_purchase_at),
    KEY ix_customer_metrics_monetary (monetary),
    KEY ix_customer_metrics_home_store (home_store),
    CONSTRAINT fk_customer_metrics_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Per customer and category: spend in the window, its share of the customer's window spend
-- (parts per million; the seeds' propensity), and the last purchase of the category ever.
CREATE TABLE customer_category_metrics (
    customer_id      CHAR(36)    NOT NULL,
    category         VARCHAR(64) NOT NULL,
    spend            BIGINT      NOT NULL,
    share_ppm        INT         NOT NULL,
    last_purchase_at DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id, category),
    KEY ix_customer_category_last (category, last_purchase_at),
    CONSTRAINT fk_customer_category_metrics_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Per customer and SKU: the last purchase ever (what replenishment and "bought X n days ago"
-- ask). A line fully given back does not count as a purchase of its SKU.
CREATE TABLE customer_sku_metrics (
    customer_id      CHAR(36)    NOT NULL,
    sku              VARCHAR(64) NOT NULL,
    last_purchase_at DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id, sku),
    KEY ix_customer_sku_last (sku, last_purchase_at),
    CONSTRAINT fk_customer_sku_metrics_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The RFM quintile boundaries of the last rebuild (one row per programme): a live update scores
-- a customer by these until the next rebuild. Each column holds the four ascending cut points
-- separated by commas (empty until the first rebuild).
CREATE TABLE metrics_rebuild (
    programme         VARCHAR(32)  NOT NULL,
    rebuilt_at        DATETIME(6)  NOT NULL,
    window_months     INT          NOT NULL,
    active_customers  BIGINT       NOT NULL,
    recency_cuts      VARCHAR(200) NOT NULL,
    frequency_cuts    VARCHAR(200) NOT NULL,
    monetary_cuts     VARCHAR(200) NOT NULL,
    duration_ms       BIGINT       NOT NULL,
    PRIMARY KEY (programme)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The programme's questions (the seeds' explicit data) with the values an answer may take.
CREATE TABLE question (
    id             VARCHAR(64)   NOT NULL,
    text           VARCHAR(500)  NOT NULL,
    allowed_values VARCHAR(4000) NOT NULL,
    active         BOOLEAN       NOT NULL,
    version        BIGINT        NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A customer's current answer to a question (a new answer replaces the old one).
CREATE TABLE customer_answer (
    customer_id CHAR(36)     NOT NULL,
    question_id VARCHAR(64)  NOT NULL,
    value       VARCHAR(200) NOT NULL,
    answered_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (customer_id, question_id),
    KEY ix_customer_answer_value (question_id, value),
    CONSTRAINT fk_customer_answer_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_customer_answer_question FOREIGN KEY (question_id) REFERENCES question (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A saved segment: its condition as the JSON the marketer wrote (validated on the way in), and
-- the count at its last evaluation.
CREATE TABLE segment (
    id                CHAR(36)     NOT NULL,
    name              VARCHAR(200) NOT NULL,
    definition        TEXT         NOT NULL,
    last_count        BIGINT       NULL,
    last_evaluated_at DATETIME(6)  NULL,
    version           BIGINT       NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_segment_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A segment's membership frozen at an instant, with the condition as it was (campaigns target
-- a snapshot, so a campaign's audience never moves under it).
CREATE TABLE segment_snapshot (
    id         CHAR(36)    NOT NULL,
    segment_id CHAR(36)    NOT NULL,
    taken_at   DATETIME(6) NOT NULL,
    members    BIGINT      NOT NULL,
    definition TEXT        NOT NULL,
    PRIMARY KEY (id),
    KEY ix_segment_snapshot_segment (segment_id, taken_at),
    CONSTRAINT fk_segment_snapshot_segment FOREIGN KEY (segment_id) REFERENCES segment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE segment_snapshot_member (
    snapshot_id CHAR(36) NOT NULL,
    customer_id CHAR(36) NOT NULL,
    PRIMARY KEY (snapshot_id, customer_id),
    CONSTRAINT fk_segment_snapshot_member_snapshot FOREIGN KEY (snapshot_id) REFERENCES segment_snapshot (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
