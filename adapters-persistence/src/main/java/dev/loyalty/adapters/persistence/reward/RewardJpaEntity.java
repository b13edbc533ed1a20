package dev.loyalty.adapters.persistence.reward;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The {@code reward} row. */
@Entity
@Table(name = "reward")
public class RewardJpaEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "points_cost", nullable = false)
    long pointsCost;

    @Column(name = "template_id", nullable = false)
    String templateId;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    LocalDateTime createdAt;

    /** The tiers it is kept for, one a line; empty for everyone. */
    @Column(name = "tiers", nullable = false)
    String tiers;

    protected RewardJpaEntity() {}
}
