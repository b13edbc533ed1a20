-- A set-based chunk of a campaign run read the members it had just written back by run
-- (ix_campaign_member_run): it now records them once, after judging them, and finds the treatment
-- it credits by the member's key (campaign, customer, occasion). Nothing else reads members by run,
-- so the index is one entry written per member for nothing (a million per million-customer run).
ALTER TABLE campaign_member DROP INDEX ix_campaign_member_run;
