package dev.loyalty.adapters.persistence.coupon;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * The {@code coupon_template} row; channels and categories are comma-separated, the tiers it is
 * kept for one a line, times UTC.
 */
@Entity
@Table(name = "coupon_template")
public class CouponTemplateJpaEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "discount_type", nullable = false)
    String discountType;

    @Column(name = "discount_value", nullable = false)
    long discountValue;

    @Column(name = "currency", nullable = false)
    String currency;

    @Column(name = "min_spend")
    Long minSpend;

    @Column(name = "channels", nullable = false)
    String channels;

    @Column(name = "valid_from")
    LocalDateTime validFrom;

    @Column(name = "valid_until")
    LocalDateTime validUntil;

    @Column(name = "valid_days")
    Integer validDays;

    @Column(name = "per_customer_limit")
    Integer perCustomerLimit;

    @Column(name = "categories", nullable = false)
    String categories;

    @Column(name = "max_redemptions")
    Long maxRedemptions;

    @Column(name = "redemptions", nullable = false)
    long redemptions;

    @Column(name = "created_at", nullable = false, updatable = false)
    LocalDateTime createdAt;

    @Column(name = "tiers", nullable = false)
    String tiers;

    protected CouponTemplateJpaEntity() {}
}
