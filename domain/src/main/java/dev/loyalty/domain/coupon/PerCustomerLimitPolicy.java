package dev.loyalty.domain.coupon;

import java.util.Optional;

/**
 * A template's per-customer limit bounds how many of its coupons one customer redeems: when the
 * identified customer has already redeemed that many, {@value #CODE}. An anonymous purchase
 * cannot be counted per customer and is not refused here (only a bearer coupon can reach this
 * rule anonymously; the total cap still bounds it).
 */
public final class PerCustomerLimitPolicy implements CouponPolicy {

    /** The code of a customer who has used the offer up. */
    public static final String CODE = "coupon-customer-limit-reached";

    @Override
    public Optional<CouponRejection> check(CouponUse use) {
        if (use.identifiedCustomer().isEmpty()) {
            return Optional.empty();
        }
        return use.template()
                .perCustomerLimit()
                .filter(limit -> use.customerRedemptionsOfTemplate() >= limit)
                .map(limit -> new CouponRejection(
                        CODE,
                        "the customer has redeemed this offer " + use.customerRedemptionsOfTemplate()
                                + " times; the limit is " + limit));
    }
}
