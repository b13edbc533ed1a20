-- Rewards customers buy with points: a personal coupon from a template.

CREATE TABLE reward (
    id          CHAR(36)     NOT NULL,
    name        VARCHAR(200) NOT NULL,
    points_cost BIGINT       NOT NULL,
    template_id CHAR(36)     NOT NULL,
    active      BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_reward_cost CHECK (points_cost > 0),
    CONSTRAINT fk_reward_template FOREIGN KEY (template_id) REFERENCES coupon_template (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
