package dev.loyalty.domain.coupon;

import java.util.Optional;

/**
 * A template's minimum spend is met by the eligible basket (the lines in its categories, not the
 * whole basket); reaching it exactly is enough. Otherwise {@value #CODE}, e.g.
 * {@code basket 42.00 EUR is below the 50.00 EUR minimum}.
 */
public final class MinimumSpendPolicy implements CouponPolicy {

    /** The code of a basket below the minimum. */
    public static final String CODE = "coupon-min-spend-not-met";

    @Override
    public Optional<CouponRejection> check(CouponUse use) {
        return use.template()
                .minSpend()
                .filter(minimum -> use.eligibleBasket().isLessThan(minimum))
                .map(minimum -> new CouponRejection(
                        CODE, "basket " + use.eligibleBasket() + " is below the " + minimum + " minimum"));
    }
}
