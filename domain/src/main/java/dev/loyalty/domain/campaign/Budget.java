package dev.loyalty.domain.campaign;

import java.util.OptionalLong;

/**
 * A campaign's hard limits, spent with conditional updates of its counters so that no run, however
 * many instances share it, goes over them.
 *
 * @param maxCoupons coupons issued at most
 * @param maxPoints points granted at most
 * @param maxDiscountCents coupon value committed at most, in cents
 */
public record Budget(OptionalLong maxCoupons, OptionalLong maxPoints, OptionalLong maxDiscountCents) {

    /** @return no limit */
    public static Budget unlimited() {
        return new Budget(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }
}
