package dev.loyalty.adapters.persistence.purchase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The {@code purchase} row: amounts in cents of {@code currency}, times UTC. */
@Entity
@Table(name = "purchase")
public class PurchaseJpaEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "store_id", nullable = false, updatable = false)
    String storeId;

    @Column(name = "receipt_id", nullable = false, updatable = false)
    String receiptId;

    @Column(name = "channel", nullable = false, updatable = false)
    String channel;

    @Column(name = "customer_id", updatable = false)
    String customerId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    LocalDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    LocalDateTime recordedAt;

    @Column(name = "currency", nullable = false, updatable = false)
    String currency;

    @Column(name = "total_paid", nullable = false, updatable = false)
    long totalPaid;

    @Column(name = "points_awarded", nullable = false, updatable = false)
    long pointsAwarded;

    @Column(name = "points_reversed", nullable = false)
    long pointsReversed;

    @Column(name = "amount_reversed", nullable = false)
    long amountReversed;

    @Column(name = "reversals", nullable = false)
    int reversals;

    @Column(name = "version", nullable = false)
    long version;

    protected PurchaseJpaEntity() {}
}
