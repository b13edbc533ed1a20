package dev.loyalty.domain.coupon;

import java.util.Optional;

/**
 * A coupon is used once: a {@link CouponStatus#REDEEMED} coupon is {@value #CODE}. The detail
 * does not name the purchase that redeemed it.
 */
public final class AlreadyRedeemedPolicy implements CouponPolicy {

    /** The code of a coupon used before. */
    public static final String CODE = "coupon-already-redeemed";

    @Override
    public Optional<CouponRejection> check(CouponUse use) {
        if (use.coupon().status() == CouponStatus.REDEEMED) {
            return Optional.of(new CouponRejection(CODE, "the coupon has already been redeemed"));
        }
        return Optional.empty();
    }
}
