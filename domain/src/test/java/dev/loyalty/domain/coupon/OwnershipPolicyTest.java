package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnershipPolicyTest {

    private final OwnershipPolicy policy = new OwnershipPolicy();

    @Test
    void aPersonalCouponIsItsOwners() {
        assertThat(policy.check(aCouponUse().ownedBy(MARCO).by(MARCO).build())).isEmpty();
    }

    @Test
    void anotherCustomerOrAnAnonymousPurchaseIsRefused() {
        assertThat(policy.check(aCouponUse().ownedBy(MARCO).by(ELENA).build()))
                .contains(new CouponRejection("coupon-not-yours", "the coupon belongs to another customer"));
        assertThat(policy.check(aCouponUse().ownedBy(MARCO).by(null).build()))
                .contains(new CouponRejection(
                        "coupon-not-yours", "a personal coupon needs the customer to be identified"));
    }

    @Test
    void aBearerCouponIsAnyones() {
        assertThat(policy.check(aCouponUse().ownedBy(null).by(ELENA).build())).isEmpty();
        assertThat(policy.check(aCouponUse().ownedBy(null).by(null).build())).isEmpty();
    }
}
