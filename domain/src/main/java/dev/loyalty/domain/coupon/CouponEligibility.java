package dev.loyalty.domain.coupon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a coupon applies to a purchase by checking the policies in this fixed order and
 * stopping at the first that refuses, so that a client always sees the same, most fundamental
 * reason:
 *
 * <ol>
 *   <li>{@link CouponValidityPolicy} (withdrawn, expired, not yet valid),
 *   <li>{@link AlreadyRedeemedPolicy},
 *   <li>{@link OwnershipPolicy},
 *   <li>{@link TierPolicy},
 *   <li>{@link ChannelPolicy},
 *   <li>{@link CategoryPolicy},
 *   <li>{@link MinimumSpendPolicy},
 *   <li>{@link PerCustomerLimitPolicy},
 *   <li>{@link RedemptionCapPolicy}.
 * </ol>
 *
 * <p>So an expired coupon that was also redeemed is {@code coupon-expired}, and a coupon of
 * another customer is {@code coupon-not-yours} before any word about the basket. When every rule
 * is met the discount is the template's {@link Discount} applied to the eligible basket, which
 * never exceeds it. Stateless and thread-safe.
 */
public final class CouponEligibility {

    private static final List<CouponPolicy> POLICIES = List.of(
            new CouponValidityPolicy(),
            new AlreadyRedeemedPolicy(),
            new OwnershipPolicy(),
            new TierPolicy(),
            new ChannelPolicy(),
            new CategoryPolicy(),
            new MinimumSpendPolicy(),
            new PerCustomerLimitPolicy(),
            new RedemptionCapPolicy());

    /**
     * @param use the coupon and the purchase it is presented on
     * @return the discount, or the first rule that refuses the coupon
     */
    public Eligibility evaluate(CouponUse use) {
        Objects.requireNonNull(use, "use");
        for (CouponPolicy policy : POLICIES) {
            Optional<CouponRejection> rejection = policy.check(use);
            if (rejection.isPresent()) {
                return new Eligibility.Rejected(rejection.get());
            }
        }
        return new Eligibility.Applicable(use.template().discount().applyTo(use.eligibleBasket()));
    }

    /** @return the policies, in the order they are checked */
    public List<CouponPolicy> policies() {
        return POLICIES;
    }
}
