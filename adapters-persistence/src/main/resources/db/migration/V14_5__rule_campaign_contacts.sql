-- A rule that belongs to a campaign (rule.campaign_id, V13) records its firings as the campaign's
-- members, so that its holdout and its evaluation cover event-triggered contacts as they cover runs.
-- Such a member has no run: the rule that fired stands in its place.
ALTER TABLE campaign_member
    MODIFY run_id CHAR(36) NULL,
    ADD COLUMN rule_id CHAR(36) NULL;
