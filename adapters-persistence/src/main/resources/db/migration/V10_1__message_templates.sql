-- The programme's message templates: one text (and subject) per type of message and language.
CREATE TABLE message_template (
    name       VARCHAR(64)   NOT NULL,
    language   CHAR(2)       NOT NULL,
    subject    VARCHAR(200)  NULL,
    body       TEXT          NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (name, language)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
