-- Versions of the programme's earning rules; a purchase is scored by the version in force when it
-- occurred. Multipliers are 'category=percent' lines, exclusions one category a line.

CREATE TABLE earning_rules (
    effective_from          DATETIME(6) NOT NULL,
    currency                CHAR(3)     NOT NULL,
    points_per_currency_unit INT        NOT NULL,
    rounding                VARCHAR(8)  NOT NULL,
    category_multipliers    TEXT        NOT NULL,
    excluded_categories     TEXT        NOT NULL,
    PRIMARY KEY (effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The programme default until marketing sets its own: 1 point per euro paid, rounded down.
INSERT INTO earning_rules VALUES ('2000-01-01 00:00:00', 'EUR', 1, 'FLOOR', '', '');
