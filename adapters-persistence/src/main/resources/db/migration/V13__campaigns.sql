-- Campaigns: a promotional action aimed at an audience, through a channel, with an offer, judged
-- afterwards against a control group left out of it (seed 004).
--
-- campaign        what the marketer defined (the definition as validated JSON: audience, offer,
--                 message, schedule, replenishment, personal, followUp) and the budget's counters,
--                 spent with conditional UPDATEs so that no instance ever goes over a budget.
-- campaign_run    one execution (a scheduled slot or a "run now"): the unique slot makes a run
--                 exactly once cluster-wide; the lease and the keyset cursor make it restartable.
-- campaign_member one row per customer and occasion (a run, or for replenishment a purchase
--                 cycle): treatment or control, what happened (offered, held out, suppressed,
--                 over budget), the instant of contact the evaluation's window starts from (the
--                 same instant for the control twin), the coupon, points and personal figures.

CREATE TABLE campaign (
    id                       CHAR(36)      NOT NULL,
    name                     VARCHAR(200)  NOT NULL,
    objective                VARCHAR(1000) NULL,
    type                     VARCHAR(16)   NOT NULL,
    status                   VARCHAR(16)   NOT NULL,
    definition               MEDIUMTEXT    NOT NULL,
    holdout_percent          INT           NOT NULL,
    holdout_key              CHAR(64)      NOT NULL,
    attribution_days         INT           NOT NULL,
    active_from              DATETIME(6)   NULL,
    active_until             DATETIME(6)   NULL,
    next_run_at              DATETIME(6)   NULL,
    max_coupons              BIGINT        NULL,
    max_points               BIGINT        NULL,
    max_discount_cents       BIGINT        NULL,
    coupons_issued           BIGINT        NOT NULL DEFAULT 0,
    points_granted           BIGINT        NOT NULL DEFAULT 0,
    discount_committed_cents BIGINT        NOT NULL DEFAULT 0,
    version                  BIGINT        NOT NULL,
    created_at               DATETIME(6)   NOT NULL,
    updated_at               DATETIME(6)   NOT NULL,
    launched_at              DATETIME(6)   NULL,
    completed_at             DATETIME(6)   NULL,
    PRIMARY KEY (id),
    KEY ix_campaign_due (status, next_run_at),
    CONSTRAINT ck_campaign_holdout CHECK (holdout_percent BETWEEN 0 AND 50),
    CONSTRAINT ck_campaign_coupons CHECK (max_coupons IS NULL OR coupons_issued <= max_coupons),
    CONSTRAINT ck_campaign_points CHECK (max_points IS NULL OR points_granted <= max_points),
    CONSTRAINT ck_campaign_discount CHECK (max_discount_cents IS NULL OR discount_committed_cents <= max_discount_cents)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign_run (
    id              CHAR(36)      NOT NULL,
    campaign_id     CHAR(36)      NOT NULL,
    scheduled_for   DATETIME(6)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    snapshot_id     CHAR(36)      NULL,
    total           BIGINT        NOT NULL DEFAULT 0,
    processed       BIGINT        NOT NULL DEFAULT 0,
    offered         BIGINT        NOT NULL DEFAULT 0,
    held_out        BIGINT        NOT NULL DEFAULT 0,
    suppressed      BIGINT        NOT NULL DEFAULT 0,
    over_budget     BIGINT        NOT NULL DEFAULT 0,
    cursor_customer CHAR(36)      NULL,
    lease_owner     VARCHAR(100)  NULL,
    lease_until     DATETIME(6)   NULL,
    started_at      DATETIME(6)   NOT NULL,
    finished_at     DATETIME(6)   NULL,
    error           VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_campaign_run_slot UNIQUE (campaign_id, scheduled_for),
    KEY ix_campaign_run_status (status, lease_until),
    CONSTRAINT fk_campaign_run_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign_member (
    campaign_id           CHAR(36)     NOT NULL,
    customer_id           CHAR(36)     NOT NULL,
    occasion              VARCHAR(120) NOT NULL,
    run_id                CHAR(36)     NOT NULL,
    member_group          VARCHAR(9)   NOT NULL,
    outcome               VARCHAR(16)  NOT NULL,
    suppressed_reason     VARCHAR(64)  NULL,
    channel               VARCHAR(16)  NULL,
    contacted_at          DATETIME(6)  NOT NULL,
    message_id            CHAR(36)     NULL,
    coupon_code           CHAR(9)      NULL,
    points                BIGINT       NOT NULL DEFAULT 0,
    offer_value_cents     BIGINT       NULL,
    offer_min_spend_cents BIGINT       NULL,
    scope_sku             VARCHAR(64)  NULL,
    scope_category        VARCHAR(64)  NULL,
    PRIMARY KEY (campaign_id, customer_id, occasion),
    KEY ix_campaign_member_run (run_id, customer_id),
    KEY ix_campaign_member_group (campaign_id, member_group, customer_id),
    KEY ix_campaign_member_customer (customer_id, contacted_at),
    CONSTRAINT ck_campaign_member_group CHECK (member_group IN ('TREATMENT', 'CONTROL')),
    CONSTRAINT fk_campaign_member_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_campaign_member_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A personal offer's coupon carries its own figures (Elena's 5 EUR off a basket of at least twice
-- her average, on ready meals); the till enforces them over the template's.
ALTER TABLE coupon
    ADD COLUMN value_cents     BIGINT      NULL,
    ADD COLUMN min_spend_cents BIGINT      NULL,
    ADD COLUMN category        VARCHAR(64) NULL,
    ADD COLUMN campaign_id     CHAR(36)    NULL,
    ADD KEY ix_coupon_campaign (campaign_id, status);

-- Rules may belong to a campaign: their firings get its holdout and its evaluation.
ALTER TABLE rule
    ADD COLUMN campaign_id CHAR(36) NULL,
    ADD KEY ix_rule_campaign (campaign_id);
