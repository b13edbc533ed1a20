-- The evaluation asks when a campaign's first and last members were contacted (its attribution
-- window closes after the last): an index on (campaign, contact) answers it without reading every
-- member row of a million-member campaign.
CREATE INDEX ix_campaign_member_contact ON campaign_member (campaign_id, contacted_at);
