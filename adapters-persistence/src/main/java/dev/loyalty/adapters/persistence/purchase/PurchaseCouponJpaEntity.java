package dev.loyalty.adapters.persistence.purchase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A {@code purchase_coupon} row: a coupon a purchase redeemed and the discount it gave. */
@Entity
@Table(name = "purchase_coupon")
@IdClass(PurchaseCouponJpaEntity.Key.class)
public class PurchaseCouponJpaEntity {

    @Id
    @Column(name = "purchase_id", length = 36)
    String purchaseId;

    @Id
    @Column(name = "code", length = 9)
    String code;

    @Column(name = "position", nullable = false, updatable = false)
    int position;

    @Column(name = "discount", nullable = false, updatable = false)
    long discount;

    protected PurchaseCouponJpaEntity() {}

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String purchaseId;
        String code;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.purchaseId, purchaseId) && Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(purchaseId, code);
        }
    }
}
