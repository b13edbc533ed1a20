-- Reactions that keep up (issue 16).
-- A customer's events are reacted to one after the other: before reacting to one, a worker checks
-- that no older event of the same customer is still due. This index answers that check without
-- reading the customer's whole history.
ALTER TABLE customer_event ADD KEY ix_customer_event_customer_due (customer_id, react_due_at);

-- The version of what the reactions read on every event (the rules, the missions): bumped in the
-- transaction that changes them, read once per batch of reactions, so that every instance's cache
-- is exact from the next batch on.
CREATE TABLE reaction_settings_version (
    id      TINYINT NOT NULL,
    version BIGINT  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO reaction_settings_version (id, version) VALUES (1, 0);
