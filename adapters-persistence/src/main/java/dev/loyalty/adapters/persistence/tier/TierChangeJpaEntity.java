package dev.loyalty.adapters.persistence.tier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A {@code tier_change} row: one audited change of a customer's tier. Appended, never updated. */
@Entity
@Table(name = "tier_change")
public class TierChangeJpaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    String customerId;

    @Column(name = "from_tier", nullable = false, updatable = false)
    String fromTier;

    @Column(name = "to_tier", nullable = false, updatable = false)
    String toTier;

    @Column(name = "cause", nullable = false, updatable = false)
    String cause;

    @Column(name = "qualifying", updatable = false)
    Long qualifying;

    @Column(name = "reference", updatable = false)
    String reference;

    @Column(name = "actor", updatable = false)
    String actor;

    @Column(name = "reason", updatable = false)
    String reason;

    @Column(name = "held_until", updatable = false)
    LocalDateTime heldUntil;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    LocalDateTime occurredAt;

    protected TierChangeJpaEntity() {}
}
