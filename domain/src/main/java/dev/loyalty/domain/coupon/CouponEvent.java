package dev.loyalty.domain.coupon;

import dev.loyalty.domain.shared.DomainEvent;

/**
 * Something that happened to a {@link Coupon}; the closed set of coupon events.
 * {@link #aggregateId()} is the coupon's code.
 */
public sealed interface CouponEvent extends DomainEvent permits CouponRedeemed, CouponRestored, CouponExpired {

    /** @return the coupon it happened to */
    CouponCode code();

    @Override
    default String aggregateId() {
        return code().toString();
    }
}
