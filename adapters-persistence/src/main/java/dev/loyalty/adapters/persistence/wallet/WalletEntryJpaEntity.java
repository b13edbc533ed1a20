package dev.loyalty.adapters.persistence.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One {@code wallet_entry} row, never updated; times are UTC. */
@Entity
@Table(name = "wallet_entry")
public class WalletEntryJpaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    String customerId;

    @Column(name = "sequence", nullable = false, updatable = false)
    long sequence;

    @Column(name = "type", nullable = false, updatable = false)
    String type;

    @Column(name = "points", nullable = false, updatable = false)
    long points;

    @Column(name = "debt", nullable = false, updatable = false)
    long debt;

    @Column(name = "reason", nullable = false, updatable = false)
    String reason;

    @Column(name = "reference", updatable = false)
    String reference;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    LocalDateTime occurredAt;

    @Column(name = "expires_at", updatable = false)
    LocalDateTime expiresAt;

    protected WalletEntryJpaEntity() {}
}
