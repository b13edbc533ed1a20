package dev.loyalty.domain.coupon;

import java.util.Optional;

/**
 * A template's maximum of redemptions bounds how many of its coupons are redeemed in all: when
 * that many have been, {@value #CODE}.
 */
public final class RedemptionCapPolicy implements CouponPolicy {

    /** The code of an offer used up. */
    public static final String CODE = "coupon-redemption-cap-reached";

    @Override
    public Optional<CouponRejection> check(CouponUse use) {
        return use.template()
                .maxRedemptions()
                .filter(cap -> use.templateRedemptions() >= cap)
                .map(cap -> new CouponRejection(CODE, "the offer has reached its cap of " + cap + " redemptions"));
    }
}
