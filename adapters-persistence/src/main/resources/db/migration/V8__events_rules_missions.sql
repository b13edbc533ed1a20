-- What customers do (the seeds' EVENT) and how the programme reacts: rules and missions.

-- Every event of a customer's activity, from integrations, the app, or the service itself
-- (CUSTOMER_ENROLLED, PURCHASE_RECORDED, ...). An event whose customer is not known yet is a
-- prospect's (email/phone kept) until that contact enrols. react_due_at is set while the rules
-- and missions have still to react to the event; the row is claimed with FOR UPDATE SKIP LOCKED
-- and the reactions commit together with react_due_at cleared: exactly once, after commit.
CREATE TABLE customer_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    event_id       VARCHAR(100) NOT NULL,
    type           VARCHAR(64)  NOT NULL,
    source         VARCHAR(16)  NOT NULL,
    customer_id    CHAR(36)     NULL,
    prospect_email VARCHAR(254) NULL,
    prospect_phone VARCHAR(16)  NULL,
    store_id       VARCHAR(64)  NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    received_at    DATETIME(6)  NOT NULL,
    attributes     TEXT         NOT NULL,
    react_due_at   DATETIME(6)  NULL,
    react_attempts INT          NOT NULL DEFAULT 0,
    react_error    VARCHAR(500) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_customer_event_event_id UNIQUE (event_id),
    KEY ix_customer_event_customer (customer_id, occurred_at),
    KEY ix_customer_event_due (react_due_at),
    KEY ix_customer_event_prospect_email (prospect_email),
    KEY ix_customer_event_prospect_phone (prospect_phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "When the customer does X, the platform does Y". The conditions and actions are kept as the
-- JSON the console wrote (validated into the domain's Rule on the way in and out).
CREATE TABLE rule (
    id          CHAR(36)     NOT NULL,
    name        VARCHAR(200) NOT NULL,
    on_type     VARCHAR(64)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    definition  TEXT         NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_rule_on (on_type, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per (rule, event): what was decided and why. The unique key makes a second
-- evaluation of the same event impossible; explanations are read from here.
CREATE TABLE rule_evaluation (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    rule_id       CHAR(36)    NOT NULL,
    rule_version  BIGINT      NOT NULL,
    event_row_id  BIGINT      NOT NULL,
    customer_id   CHAR(36)    NOT NULL,
    evaluated_at  DATETIME(6) NOT NULL,
    outcome       VARCHAR(16) NOT NULL,
    reasons       TEXT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_rule_evaluation UNIQUE (rule_id, event_row_id),
    KEY ix_rule_evaluation_customer (customer_id, rule_id, outcome),
    KEY ix_rule_evaluation_rule (rule_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mission (
    id              CHAR(36)     NOT NULL,
    name            VARCHAR(200) NOT NULL,
    goal_type       VARCHAR(32)  NOT NULL,
    event_type      VARCHAR(64)  NULL,
    category        VARCHAR(64)  NULL,
    target          BIGINT       NOT NULL,
    within_days     INT          NULL,
    reward_points   BIGINT       NOT NULL,
    repeatable      BOOLEAN      NOT NULL,
    max_completions INT          NULL,
    active_from     DATETIME(6)  NOT NULL,
    active_until    DATETIME(6)  NULL,
    status          VARCHAR(16)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What each event contributed to a customer's mission, in the cycle (completion number) it
-- counted for; unique per (mission, event) so an event counts once.
CREATE TABLE mission_step (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    mission_id   CHAR(36)    NOT NULL,
    customer_id  CHAR(36)    NOT NULL,
    cycle        INT         NOT NULL,
    event_row_id BIGINT      NOT NULL,
    amount       BIGINT      NOT NULL,
    occurred_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_mission_step UNIQUE (mission_id, event_row_id),
    KEY ix_mission_step_progress (customer_id, mission_id, cycle, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mission_completion (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    mission_id   CHAR(36)    NOT NULL,
    customer_id  CHAR(36)    NOT NULL,
    cycle        INT         NOT NULL,
    points       BIGINT      NOT NULL,
    completed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_mission_completion UNIQUE (mission_id, customer_id, cycle),
    KEY ix_mission_completion_customer (customer_id, mission_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each customer's own code to share; a referral links the new customer to the one whose code
-- they gave, and is rewarded once (contact_hash: a person who erased and re-enrolled with the
-- same e-mail or phone is not a new referral).
ALTER TABLE customer ADD COLUMN own_referral_code VARCHAR(16) NULL;
UPDATE customer SET own_referral_code = CONCAT('R', UPPER(SUBSTR(MD5(id), 1, 9)));
ALTER TABLE customer ADD CONSTRAINT uk_customer_own_referral_code UNIQUE (own_referral_code);

CREATE TABLE referral (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    referrer_id  CHAR(36)    NOT NULL,
    referred_id  CHAR(36)    NOT NULL,
    contact_hash CHAR(64)    NULL,
    status       VARCHAR(16) NOT NULL,
    reason       VARCHAR(200) NULL,
    created_at   DATETIME(6) NOT NULL,
    completed_at DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_referral_referred UNIQUE (referred_id),
    CONSTRAINT uk_referral_contact UNIQUE (contact_hash),
    KEY ix_referral_referrer (referrer_id, status, completed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE referral_programme (
    id               INT         NOT NULL,
    referrer_points  BIGINT      NOT NULL,
    referred_points  BIGINT      NOT NULL,
    min_purchase     BIGINT      NOT NULL,
    monthly_cap      INT         NOT NULL,
    updated_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO referral_programme VALUES (1, 200, 100, 0, 10, UTC_TIMESTAMP(6));
