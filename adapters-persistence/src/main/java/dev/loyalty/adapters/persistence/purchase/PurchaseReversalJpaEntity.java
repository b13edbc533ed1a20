package dev.loyalty.adapters.persistence.purchase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/** A {@code purchase_reversal} row: one reversal that gave units back. */
@Entity
@Table(name = "purchase_reversal")
@IdClass(PurchaseReversalJpaEntity.Key.class)
public class PurchaseReversalJpaEntity {

    @Id
    @Column(name = "purchase_id", length = 36)
    String purchaseId;

    @Id
    @Column(name = "sequence")
    int sequence;

    @Column(name = "lines_returned", nullable = false, updatable = false)
    String linesReturned;

    @Column(name = "amount", nullable = false, updatable = false)
    long amount;

    @Column(name = "points", nullable = false, updatable = false)
    long points;

    @Column(name = "complete", nullable = false, updatable = false)
    boolean complete;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    LocalDateTime occurredAt;

    protected PurchaseReversalJpaEntity() {}

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String purchaseId;
        int sequence;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sequence == sequence && Objects.equals(k.purchaseId, purchaseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(purchaseId, sequence);
        }
    }
}
