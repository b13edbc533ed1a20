-- Events carry their source, and an event id is its sender's: unique per source and
-- case-sensitive, so that the app (whose user holds the token) cannot take an id an integration
-- will send later ("ORDER-1" and "order-1" are two ids).
ALTER TABLE customer_event
    MODIFY event_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    DROP INDEX uk_customer_event_event_id,
    ADD CONSTRAINT uk_customer_event_source_event_id UNIQUE (source, event_id);

-- The sources whose events a mission counts (comma list); NULL: INTEGRATION and SERVICE, not the
-- app. A rule keeps its sources in its definition's JSON.
ALTER TABLE mission ADD COLUMN sources VARCHAR(64) NULL;
