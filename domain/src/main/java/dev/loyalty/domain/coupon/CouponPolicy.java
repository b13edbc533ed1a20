package dev.loyalty.domain.coupon;

import java.util.Optional;

/**
 * One rule deciding whether a coupon may be applied in a {@link CouponUse}. A policy is
 * stateless and only reads the use; it answers with a {@link CouponRejection} when its rule is
 * broken and with nothing otherwise. Policies are composed in a fixed order by
 * {@link CouponEligibility}.
 */
@FunctionalInterface
public interface CouponPolicy {

    /**
     * @param use the coupon and the purchase it is presented on
     * @return why the rule refuses it, or empty when the rule is met
     */
    Optional<CouponRejection> check(CouponUse use);
}
