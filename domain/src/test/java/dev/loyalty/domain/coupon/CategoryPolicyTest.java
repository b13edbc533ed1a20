package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryPolicyTest {

    private final CategoryPolicy policy = new CategoryPolicy();

    @Test
    void somethingToDiscountInTheCategoriesIsEnough() {
        assertThat(policy.check(
                        aCouponUse().forCategories("wine").withBasket(eur(1)).build()))
                .isEmpty();
        assertThat(policy.check(aCouponUse().withBasket(eur(1)).build())).isEmpty();
    }

    @Test
    void nothingInTheCategoriesIsRefused() {
        assertThat(policy.check(aCouponUse()
                        .forCategories("wine", "cheese")
                        .withBasket(eur(0))
                        .build()))
                .contains(new CouponRejection(
                        "coupon-not-applicable-to-basket", "no line of the basket is in the categories cheese, wine"));
        assertThat(policy.check(aCouponUse().withBasket(eur(0)).build()))
                .contains(new CouponRejection("coupon-not-applicable-to-basket", "the basket has nothing to discount"));
    }
}
