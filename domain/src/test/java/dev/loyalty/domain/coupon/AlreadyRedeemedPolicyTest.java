package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlreadyRedeemedPolicyTest {

    private final AlreadyRedeemedPolicy policy = new AlreadyRedeemedPolicy();

    @Test
    void aRedeemedCouponIsRefusedWithoutNamingThePurchase() {
        assertThat(policy.check(aCouponUse().redeemedBy("S001-R42").build()))
                .contains(new CouponRejection("coupon-already-redeemed", "the coupon has already been redeemed"));
        assertThat(policy.check(aCouponUse().inStatus(CouponStatus.REDEEMED).build()))
                .isPresent();
    }

    @Test
    void anyOtherStatusIsNotThisRulesConcern() {
        assertThat(policy.check(aCouponUse().build())).isEmpty();
        assertThat(policy.check(aCouponUse().inStatus(CouponStatus.VOID).build()))
                .isEmpty();
    }
}
