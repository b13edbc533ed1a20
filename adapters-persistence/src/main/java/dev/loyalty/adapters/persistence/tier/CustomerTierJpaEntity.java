package dev.loyalty.adapters.persistence.tier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A {@code customer_tier} row: a customer's tier by name, since, review date, hold and version. */
@Entity
@Table(name = "customer_tier")
public class CustomerTierJpaEntity {

    @Id
    @Column(name = "customer_id", length = 36)
    String customerId;

    @Column(name = "tier", nullable = false)
    String tier;

    @Column(name = "since", nullable = false)
    LocalDateTime since;

    @Column(name = "review_at")
    LocalDateTime reviewAt;

    @Column(name = "held_until")
    LocalDateTime heldUntil;

    @Column(name = "version", nullable = false)
    long version;

    protected CustomerTierJpaEntity() {}
}
