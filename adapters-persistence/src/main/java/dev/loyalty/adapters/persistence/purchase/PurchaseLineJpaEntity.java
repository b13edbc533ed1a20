package dev.loyalty.adapters.persistence.purchase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A {@code purchase_line} row, keyed by purchase and line number. */
@Entity
@Table(name = "purchase_line")
@IdClass(PurchaseLineJpaEntity.Key.class)
public class PurchaseLineJpaEntity {

    @Id
    @Column(name = "purchase_id", length = 36)
    String purchaseId;

    @Id
    @Column(name = "line_number")
    int lineNumber;

    @Column(name = "sku", nullable = false, updatable = false)
    String sku;

    @Column(name = "category", nullable = false, updatable = false)
    String category;

    @Column(name = "quantity", nullable = false, updatable = false)
    int quantity;

    @Column(name = "unit_price", nullable = false, updatable = false)
    long unitPrice;

    @Column(name = "discount", nullable = false, updatable = false)
    long discount;

    @Column(name = "earned_millionths", nullable = false, updatable = false)
    long earnedMillionths;

    @Column(name = "reversed_quantity", nullable = false)
    int reversedQuantity;

    protected PurchaseLineJpaEntity() {}

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String purchaseId;
        int lineNumber;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.lineNumber == lineNumber && Objects.equals(k.purchaseId, purchaseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(purchaseId, lineNumber);
        }
    }
}
