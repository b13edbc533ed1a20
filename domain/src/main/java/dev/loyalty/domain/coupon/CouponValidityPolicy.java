package dev.loyalty.domain.coupon;

import java.util.Optional;

/**
 * A coupon is usable only inside its own validity window {@code [validFrom, validUntil)} (start
 * inclusive, end exclusive) and only while not withdrawn. A {@link CouponStatus#VOID} coupon is
 * {@value #VOID}; one used before its start is {@value #NOT_YET_VALID}; one used at or after its
 * end, or already marked {@link CouponStatus#EXPIRED}, is {@value #EXPIRED}. Checked in that order.
 */
public final class CouponValidityPolicy implements CouponPolicy {

    /** The code of a withdrawn coupon. */
    public static final String VOID = "coupon-void";
    /** The code of a coupon used before its window. */
    public static final String NOT_YET_VALID = "coupon-not-yet-valid";
    /** The code of a coupon used after its window. */
    public static final String EXPIRED = "coupon-expired";

    @Override
    public Optional<CouponRejection> check(CouponUse use) {
        Coupon coupon = use.coupon();
        if (coupon.status() == CouponStatus.VOID) {
            return Optional.of(new CouponRejection(VOID, "the coupon has been withdrawn"));
        }
        if (coupon.status() == CouponStatus.EXPIRED || !use.at().isBefore(coupon.validUntil())) {
            return Optional.of(new CouponRejection(EXPIRED, "the coupon expired at " + coupon.validUntil()));
        }
        if (use.at().isBefore(coupon.validFrom())) {
            return Optional.of(new CouponRejection(NOT_YET_VALID, "the coupon is valid from " + coupon.validFrom()));
        }
        return Optional.empty();
    }
}
