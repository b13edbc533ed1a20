package dev.loyalty.adapters.persistence.coupon;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The {@code coupon} row: the code is the key; times UTC. */
@Entity
@Table(name = "coupon")
public class CouponJpaEntity {

    @Id
    @Column(name = "code", length = 9)
    String code;

    @Column(name = "template_id", nullable = false, updatable = false)
    String templateId;

    @Column(name = "customer_id", updatable = false)
    String customerId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "valid_from", nullable = false, updatable = false)
    LocalDateTime validFrom;

    @Column(name = "valid_until", nullable = false, updatable = false)
    LocalDateTime validUntil;

    @Column(name = "redemption_reference")
    String redemptionReference;

    @Column(name = "redeemed_by")
    String redeemedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    LocalDateTime issuedAt;

    @Column(name = "version", nullable = false)
    long version;

    /** A personal offer's own value (written by the campaign run, read here). */
    @Column(name = "value_cents", insertable = false, updatable = false)
    Long valueCents;

    @Column(name = "min_spend_cents", insertable = false, updatable = false)
    Long minSpendCents;

    @Column(name = "category", insertable = false, updatable = false)
    String category;

    protected CouponJpaEntity() {}
}
