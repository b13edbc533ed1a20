-- The token revocation list (issue 17): one token by its jti (TOKEN_ID) or every token of a subject
-- issued until revoked_at (SUBJECT). Every instance reads the rows of the last hours every few
-- seconds; rows older than the longest token age are deleted (such tokens are refused by age).
CREATE TABLE token_revocation (
    kind VARCHAR(16) NOT NULL,
    value VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revoked_at DATETIME(6) NOT NULL,
    revoked_by VARCHAR(255) NOT NULL,
    reason VARCHAR(500) NULL,
    PRIMARY KEY (kind, value),
    KEY ix_token_revocation_revoked_at (revoked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
