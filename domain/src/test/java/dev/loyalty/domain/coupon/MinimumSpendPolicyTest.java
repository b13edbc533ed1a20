package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinimumSpendPolicyTest {

    private final MinimumSpendPolicy policy = new MinimumSpendPolicy();

    @Test
    void reachingTheMinimumExactlyIsEnough() {
        assertThat(policy.check(aCouponUse()
                        .withMinSpend(eur(5000))
                        .withBasket(eur(5000))
                        .build()))
                .isEmpty();
        assertThat(policy.check(aCouponUse().withBasket(eur(1)).build())).isEmpty();
    }

    @Test
    void anEligibleBasketBelowTheMinimumIsRefusedWithBothAmounts() {
        assertThat(policy.check(aCouponUse()
                        .withMinSpend(eur(5000))
                        .withBasket(eur(4200))
                        .build()))
                .contains(new CouponRejection(
                        "coupon-min-spend-not-met", "basket 42.00 EUR is below the 50.00 EUR minimum"));
    }
}
