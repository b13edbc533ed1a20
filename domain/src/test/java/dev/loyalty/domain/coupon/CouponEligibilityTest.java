package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.ELENA;
import static dev.loyalty.domain.coupon.CouponFixtures.VALID_UNTIL;
import static dev.loyalty.domain.coupon.CouponFixtures.aCouponUse;
import static dev.loyalty.domain.coupon.CouponFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.coupon.Discount.AmountOff;
import dev.loyalty.domain.coupon.Eligibility.Applicable;
import dev.loyalty.domain.coupon.Eligibility.Rejected;
import org.junit.jupiter.api.Test;

class CouponEligibilityTest {

    private final CouponEligibility eligibility = new CouponEligibility();

    private String rejection(CouponFixtures.CouponUseBuilder use) {
        Eligibility answer = eligibility.evaluate(use.build());
        assertThat(answer).isInstanceOf(Rejected.class);
        return ((Rejected) answer).rejection().code();
    }

    @Test
    void theOrderIsFixed() {
        assertThat(eligibility.policies())
                .extracting(policy -> policy.getClass().getSimpleName())
                .containsExactly(
                        "CouponValidityPolicy",
                        "AlreadyRedeemedPolicy",
                        "OwnershipPolicy",
                        "TierPolicy",
                        "ChannelPolicy",
                        "CategoryPolicy",
                        "MinimumSpendPolicy",
                        "PerCustomerLimitPolicy",
                        "RedemptionCapPolicy");
    }

    @Test
    void anApplicableCouponTakesTheTemplatesDiscountOffTheEligibleBasket() {
        assertThat(eligibility.evaluate(aCouponUse().withBasket(eur(4200)).build()))
                .isEqualTo(new Applicable(eur(420)));
        assertThat(eligibility.evaluate(aCouponUse()
                        .withDiscount(new AmountOff(eur(1000)))
                        .withBasket(eur(650))
                        .build()))
                .isEqualTo(new Applicable(eur(650)));
    }

    @Test
    void validityComesBeforeAlreadyRedeemed() {
        assertThat(rejection(aCouponUse().redeemedBy("P1").at(VALID_UNTIL))).isEqualTo("coupon-expired");
    }

    @Test
    void alreadyRedeemedComesBeforeOwnership() {
        assertThat(rejection(aCouponUse().redeemedBy("P1").by(ELENA))).isEqualTo("coupon-already-redeemed");
    }

    @Test
    void ownershipComesBeforeChannel() {
        assertThat(rejection(aCouponUse().by(ELENA).inChannel(SalesChannel.ONLINE)))
                .isEqualTo("coupon-not-yours");
    }

    @Test
    void channelComesBeforeCategories() {
        assertThat(rejection(aCouponUse().inChannel(SalesChannel.ONLINE).withBasket(eur(0))))
                .isEqualTo("coupon-not-valid-in-channel");
    }

    @Test
    void categoriesComeBeforeMinimumSpend() {
        assertThat(rejection(aCouponUse()
                        .forCategories("wine")
                        .withMinSpend(eur(5000))
                        .withBasket(eur(0))))
                .isEqualTo("coupon-not-applicable-to-basket");
    }

    @Test
    void minimumSpendComesBeforePerCustomerLimit() {
        assertThat(rejection(aCouponUse()
                        .withMinSpend(eur(5000))
                        .withBasket(eur(4200))
                        .limitedPerCustomerTo(1)
                        .afterRedemptions(1, 1)))
                .isEqualTo("coupon-min-spend-not-met");
    }

    @Test
    void perCustomerLimitComesBeforeTheCap() {
        assertThat(rejection(aCouponUse().limitedPerCustomerTo(1).cappedAt(10).afterRedemptions(1, 10)))
                .isEqualTo("coupon-customer-limit-reached");
        assertThat(rejection(aCouponUse().cappedAt(10).afterRedemptions(0, 10)))
                .isEqualTo("coupon-redemption-cap-reached");
    }
}
