-- A member's outcome, written once its attribution window has closed (and a day's grace for late
-- imports has passed): how many purchases were attributed to it and what they paid less what was
-- reversed, by the very definition the evaluation applies live to members whose window is open.
-- The evaluation of a million settled members is then one aggregate over their rows instead of a
-- million windows read from the purchases. outcome_settled leads the settling's index after the
-- campaign, so the timer finds the next members to settle without reading the settled ones again.
-- recorded_at: when the row was written (history imported after its members, backdated, still counts
-- for a day after they were recorded, however long ago their windows closed).
ALTER TABLE campaign_member
    ADD COLUMN recorded_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    ADD COLUMN outcome_settled TINYINT NOT NULL DEFAULT 0,
    ADD COLUMN outcome_purchases INT NULL,
    ADD COLUMN outcome_revenue_cents BIGINT NULL,
    ADD INDEX ix_campaign_member_settle (campaign_id, outcome_settled, contacted_at);
