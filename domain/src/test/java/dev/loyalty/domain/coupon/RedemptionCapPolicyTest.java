package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedemptionCapPolicyTest {

    private final RedemptionCapPolicy policy = new RedemptionCapPolicy();

    @Test
    void belowTheCapOrWithoutOneIsFine() {
        assertThat(policy.check(
                        aCouponUse().cappedAt(1000).afterRedemptions(0, 999).build()))
                .isEmpty();
        assertThat(policy.check(aCouponUse().afterRedemptions(0, 1_000_000).build()))
                .isEmpty();
    }

    @Test
    void anOfferThatReachedItsCapIsRefused() {
        assertThat(policy.check(
                        aCouponUse().cappedAt(1000).afterRedemptions(0, 1000).build()))
                .contains(new CouponRejection(
                        "coupon-redemption-cap-reached", "the offer has reached its cap of 1000 redemptions"));
    }
}
