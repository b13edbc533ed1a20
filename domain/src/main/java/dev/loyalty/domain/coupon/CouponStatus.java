package dev.loyalty.domain.coupon;

/** Where a coupon is in its life; only an {@link #ISSUED} coupon can be redeemed. */
public enum CouponStatus {
    /** Issued and not used yet. */
    ISSUED,
    /** Used on a purchase. */
    REDEEMED,
    /** Past its validity without being used. */
    EXPIRED,
    /** Withdrawn by an operator. */
    VOID
}
