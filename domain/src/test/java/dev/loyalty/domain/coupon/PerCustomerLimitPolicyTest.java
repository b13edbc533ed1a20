package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerCustomerLimitPolicyTest {

    private final PerCustomerLimitPolicy policy = new PerCustomerLimitPolicy();

    @Test
    void belowTheLimitOrWithoutOneIsFine() {
        assertThat(policy.check(aCouponUse()
                        .limitedPerCustomerTo(2)
                        .afterRedemptions(1, 50)
                        .build()))
                .isEmpty();
        assertThat(policy.check(aCouponUse().afterRedemptions(99, 99).build())).isEmpty();
    }

    @Test
    void aCustomerWhoReachedTheLimitIsRefused() {
        assertThat(policy.check(aCouponUse()
                        .limitedPerCustomerTo(2)
                        .afterRedemptions(2, 50)
                        .build()))
                .contains(new CouponRejection(
                        "coupon-customer-limit-reached",
                        "the customer has redeemed this offer 2 times; the limit is 2"));
    }

    @Test
    void anAnonymousPurchaseIsNotCountedPerCustomer() {
        assertThat(policy.check(aCouponUse()
                        .ownedBy(null)
                        .by(null)
                        .limitedPerCustomerTo(1)
                        .afterRedemptions(1, 1)
                        .build()))
                .isEmpty();
    }
}
