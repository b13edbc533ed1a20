-- A set-based campaign run (a calendar or personal offer over a frozen audience) goes in lanes:
-- disjoint ranges (low, high] of the snapshot's customer ids, each leased and moved on by its own
-- runner (its cursor the last customer done), so that the lanes' chunks commit at the same time on
-- separate transactions. The run's tallies stay on campaign_run; a run without lanes (one lane, a
-- run prepared before this version, a replenishment or follow-up run) goes on by campaign_run's own
-- cursor and lease as before.
CREATE TABLE campaign_run_lane (
    run_id          CHAR(36)     NOT NULL,
    lane            INT          NOT NULL,
    low             CHAR(36)     NOT NULL,
    high            CHAR(36)     NULL,
    cursor_customer CHAR(36)     NOT NULL,
    lease_owner     VARCHAR(100) NULL,
    lease_until     DATETIME(6)  NULL,
    done            BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (run_id, lane),
    CONSTRAINT fk_campaign_run_lane_run FOREIGN KEY (run_id) REFERENCES campaign_run (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a run's chunks gave of a campaign without the matching limit (coupons, their committed value,
-- points) and not yet added to the campaign's counters: added (and cleared) as the run ends. The
-- campaign's row is share-locked by every member row a lane writes (their foreign key), so lanes
-- raising its counters at each chunk would deadlock; a campaign with a limit spends it under its
-- row's lock, as before.
ALTER TABLE campaign_run
    ADD COLUMN spent_coupons        BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN spent_discount_cents BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN spent_points         BIGINT NOT NULL DEFAULT 0;
