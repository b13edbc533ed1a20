package dev.loyalty.domain.coupon;

import java.util.Optional;

/**
 * A coupon of a template restricted to some tiers is used only by a customer whose tier, before
 * the purchase, is one of them; otherwise {@value #CODE}, with a detail naming the tiers, e.g.
 * {@code the coupon is for Gold customers; this customer is Silver}. Never in an anonymous
 * purchase. A template without tiers is for everyone.
 */
public final class TierPolicy implements CouponPolicy {

    /** The code of a coupon used by a customer outside its tiers. */
    public static final String CODE = "coupon-tier-not-eligible";

    @Override
    public Optional<CouponRejection> check(CouponUse use) {
        if (use.template().isForTier(use.customerTier())) {
            return Optional.empty();
        }
        String tiers = String.join(", ", use.template().tiers());
        String who = use.customerTier() == null
                ? "the purchase has no customer in a tier"
                : "this customer is " + use.customerTier();
        return Optional.of(new CouponRejection(CODE, "the coupon is for " + tiers + " customers; " + who));
    }
}
