package dev.loyalty.application.checkout;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.earning.EarnedPoints;
import dev.loyalty.domain.shared.Money;
import java.util.List;
import java.util.Optional;

/**
 * What a basket costs with its coupons and what it would earn.
 *
 * @param customerId the identified customer, if any
 * @param coupons one verdict per coupon presented, in the order presented
 * @param gross the basket before discounts
 * @param discount the discounts applied (never more than the gross)
 * @param net what the customer pays
 * @param points what the purchase would earn (an anonymous basket would earn it on enrolment)
 */
public record Quote(
        Optional<CustomerId> customerId,
        List<CouponVerdict> coupons,
        Money gross,
        Money discount,
        Money net,
        EarnedPoints points) {

    public Quote {
        coupons = List.copyOf(coupons);
    }

    /**
     * One coupon's verdict: applicable with its discount, or rejected with a stable code and why.
     *
     * @param couponCode the code as presented
     * @param discount the discount it gives, when applicable
     * @param rejectionCode the reason's code, when rejected
     * @param detail the reason in words, when rejected
     */
    public record CouponVerdict(String couponCode, Optional<Money> discount, String rejectionCode, String detail) {

        public boolean applicable() {
            return discount.isPresent();
        }
    }
}
