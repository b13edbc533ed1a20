-- Tiers. The programme (one row, absent until an administrator first sets it) and its tiers; each
-- customer's standing (a customer without a row is in the first tier) and the audited history of
-- its changes; every customer's qualifying activity per calendar month (UTC), both metrics, kept
-- from every purchase whether or not a programme exists, and backfilled below from the purchases
-- recorded so far; the periodic review's runs (its progress, so that a stopped run goes on) and
-- the work rows of the batch in progress.

CREATE TABLE tier_programme (
    id                 TINYINT      NOT NULL,
    metric             VARCHAR(16)  NOT NULL,
    window_months      INT          NOT NULL,
    grace_days         INT          NOT NULL,
    review_months      INT          NOT NULL,
    downgrade_one_step BOOLEAN      NOT NULL,
    version            BIGINT       NOT NULL,
    changed_at         DATETIME(6)  NOT NULL,
    changed_by         VARCHAR(255) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_tier_programme_one CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- position 0 is the first tier (threshold 0); thresholds ascend with the position
CREATE TABLE tier_level (
    position                INT         NOT NULL,
    name                    VARCHAR(64) NOT NULL,
    threshold               BIGINT      NOT NULL,
    earn_multiplier_percent INT         NOT NULL,
    PRIMARY KEY (position),
    CONSTRAINT uk_tier_level_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_tier (
    customer_id CHAR(36)    NOT NULL,
    tier        VARCHAR(64) NOT NULL,
    since       DATETIME(6) NOT NULL,
    review_at   DATETIME(6) NULL,
    held_until  DATETIME(6) NULL,
    version     BIGINT      NOT NULL,
    PRIMARY KEY (customer_id),
    CONSTRAINT fk_customer_tier_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tier_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    customer_id CHAR(36)     NOT NULL,
    from_tier   VARCHAR(64)  NOT NULL,
    to_tier     VARCHAR(64)  NOT NULL,
    cause       VARCHAR(16)  NOT NULL,
    qualifying  BIGINT       NULL,
    reference   VARCHAR(255) NULL,
    actor       VARCHAR(255) NULL,
    reason      VARCHAR(500) NULL,
    held_until  DATETIME(6)  NULL,
    occurred_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_tier_change_customer (customer_id, occurred_at),
    CONSTRAINT fk_tier_change_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- month is the first day of the month of the purchase; a refund is counted (negatively) in the
-- month of the purchase it refunds
CREATE TABLE tier_qualifying (
    customer_id   CHAR(36) NOT NULL,
    month         DATE     NOT NULL,
    net_spend     BIGINT   NOT NULL,
    points_earned BIGINT   NOT NULL,
    PRIMARY KEY (customer_id, month),
    CONSTRAINT fk_tier_qualifying_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- one run per instant reviewed: customers are taken in id order, cursor_id is the last one done
CREATE TABLE tier_review_run (
    review_at   DATETIME(6) NOT NULL,
    started_at  DATETIME(6) NOT NULL,
    finished_at DATETIME(6) NULL,
    cursor_id   CHAR(36)    NOT NULL DEFAULT '',
    customers   BIGINT      NOT NULL DEFAULT 0,
    upgraded    BIGINT      NOT NULL DEFAULT 0,
    downgraded  BIGINT      NOT NULL DEFAULT 0,
    renewed     BIGINT      NOT NULL DEFAULT 0,
    placed      BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (review_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the decisions of the batch in progress, written and deleted in the batch's transaction
CREATE TABLE tier_review_decision (
    review_at     DATETIME(6) NOT NULL,
    customer_id   CHAR(36)    NOT NULL,
    prior_version BIGINT      NULL,
    from_tier     VARCHAR(64) NOT NULL,
    to_tier       VARCHAR(64) NOT NULL,
    kind          VARCHAR(9)  NOT NULL,
    qualifying    BIGINT      NOT NULL,
    new_review_at DATETIME(6) NULL,
    applied       BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (review_at, customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the tiers a coupon template or a reward is kept for, one name a line ('' for everyone)
ALTER TABLE coupon_template ADD COLUMN tiers VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE reward ADD COLUMN tiers VARCHAR(1000) NOT NULL DEFAULT '';

-- the activity of the purchases recorded before tiers existed: net after coupons less refunds,
-- points awarded less points reversed, in the month of each purchase
INSERT INTO tier_qualifying (customer_id, month, net_spend, points_earned)
SELECT p.customer_id,
       DATE_FORMAT(p.occurred_at, '%Y-%m-01'),
       SUM(n.net - p.amount_reversed),
       SUM(p.points_awarded - p.points_reversed)
FROM purchase p
JOIN (SELECT purchase_id, SUM(GREATEST(unit_price * quantity - discount, 0)) AS net
      FROM purchase_line GROUP BY purchase_id) n ON n.purchase_id = p.id
WHERE p.customer_id IS NOT NULL
GROUP BY p.customer_id, DATE_FORMAT(p.occurred_at, '%Y-%m-01');
