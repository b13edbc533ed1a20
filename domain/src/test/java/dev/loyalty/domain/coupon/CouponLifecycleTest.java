package dev.loyalty.domain.coupon;

import static dev.loyalty.domain.coupon.CouponFixtures.AT;
import static dev.loyalty.domain.coupon.CouponFixtures.ELENA;
import static dev.loyalty.domain.coupon.CouponFixtures.MARCO;
import static dev.loyalty.domain.coupon.CouponFixtures.VALID_UNTIL;
import static dev.loyalty.domain.coupon.CouponFixtures.aCouponUse;
import static dev.loyalty.domain.coupon.CouponFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.coupon.CouponFixtures.CouponUseBuilder;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouponLifecycleTest {

    private static final Instant LATER = AT.plusSeconds(3600);

    private static CouponUse useOf(Coupon coupon, CouponUseBuilder builder) {
        return new CouponUse(coupon, builder.template(), MARCO, SalesChannel.STORE, AT, eur(4200), 0, 0);
    }

    private static Coupon redeemed(CouponUseBuilder builder, String purchase) {
        Coupon coupon = builder.coupon();
        coupon.redeem(useOf(coupon, builder), purchase);
        return coupon;
    }

    @Test
    void redeemingAnApplicableCouponMarksItAndTellsTheDiscount() {
        CouponUseBuilder builder = aCouponUse();
        Coupon coupon = builder.coupon();

        List<CouponEvent> events = coupon.redeem(useOf(coupon, builder), "S001-R42");

        assertThat(events).containsExactly(new CouponRedeemed(coupon.code(), MARCO, "S001-R42", eur(420), AT));
        assertThat(coupon.status()).isEqualTo(CouponStatus.REDEEMED);
        assertThat(coupon.redemptionReference()).contains("S001-R42");
    }

    @Test
    void aRejectedCouponThrowsWithTheRuleAndStaysAsItWas() {
        CouponUseBuilder builder = aCouponUse().withMinSpend(eur(5000));
        Coupon coupon = builder.coupon();

        assertThatThrownBy(() -> coupon.redeem(useOf(coupon, builder), "S001-R42"))
                .isInstanceOfSatisfying(CouponRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("coupon-min-spend-not-met");
                    assertThat(e.getMessage()).isEqualTo("basket 42.00 EUR is below the 50.00 EUR minimum");
                    assertThat(e.couponCode()).isEqualTo(coupon.code());
                });
        assertThat(coupon.status()).isEqualTo(CouponStatus.ISSUED);
        assertThat(coupon.redemptionReference()).isEmpty();
    }

    @Test
    void aCouponIsRedeemedOnce() {
        CouponUseBuilder builder = aCouponUse();
        Coupon coupon = redeemed(builder, "S001-R42");
        assertThatThrownBy(() -> coupon.redeem(useOf(coupon, builder), "S001-R43"))
                .isInstanceOfSatisfying(
                        CouponRejectedException.class, e -> assertThat(e.code()).isEqualTo("coupon-already-redeemed"));
        assertThat(coupon.redemptionReference()).contains("S001-R42");
    }

    @Test
    void redeemingNeedsThisCouponAndAPurchaseReference() {
        CouponUseBuilder builder = aCouponUse();
        Coupon coupon = builder.coupon();
        assertThatThrownBy(() -> coupon.redeem(builder.build(), "S001-R42"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> coupon.redeem(useOf(coupon, builder), " "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("purchaseReference"));
    }

    @Test
    void reversingThePurchaseWithinValidityMakesTheCouponUsableAgain() {
        CouponUseBuilder builder = aCouponUse();
        Coupon coupon = redeemed(builder, "S001-R42");

        assertThat(coupon.restore("S001-R42", LATER))
                .containsExactly(new CouponRestored(coupon.code(), "S001-R42", LATER));
        assertThat(coupon.status()).isEqualTo(CouponStatus.ISSUED);
        assertThat(coupon.redemptionReference()).isEmpty();
        assertThat(coupon.redeem(useOf(coupon, builder), "S001-R43")).hasSize(1);
    }

    @Test
    void reversingThePurchaseAfterValidityExpiresTheCoupon() {
        Coupon coupon = redeemed(aCouponUse(), "S001-R42");

        assertThat(coupon.restore("S001-R42", VALID_UNTIL))
                .containsExactly(new CouponExpired(coupon.code(), "S001-R42", VALID_UNTIL));
        assertThat(coupon.status()).isEqualTo(CouponStatus.EXPIRED);
        assertThat(coupon.redemptionReference()).isEmpty();
    }

    @Test
    void onlyThePurchaseThatRedeemedItReleasesIt() {
        Coupon coupon = redeemed(aCouponUse(), "S001-R42");

        assertThat(coupon.restore("S001-R99", LATER)).isEmpty();
        assertThat(coupon.status()).isEqualTo(CouponStatus.REDEEMED);

        assertThat(coupon.restore("S001-R42", LATER)).hasSize(1);
        assertThat(coupon.restore("S001-R42", LATER)).isEmpty();
        assertThat(coupon.status()).isEqualTo(CouponStatus.ISSUED);

        Coupon withoutReference = aCouponUse().inStatus(CouponStatus.REDEEMED).coupon();
        assertThat(withoutReference.restore("S001-R42", LATER)).isEmpty();
        assertThat(withoutReference.status()).isEqualTo(CouponStatus.REDEEMED);
        Coupon voided = aCouponUse().inStatus(CouponStatus.VOID).coupon();
        assertThat(voided.restore("S001-R42", LATER)).isEmpty();
        assertThat(voided.status()).isEqualTo(CouponStatus.VOID);
    }

    @Test
    void onlyARedeemedCouponIsRebuiltWithAReference() {
        assertThatThrownBy(() -> aCouponUse()
                        .inStatus(CouponStatus.ISSUED)
                        .redeemedBy("P1")
                        .inStatus(CouponStatus.ISSUED)
                        .coupon())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("redemptionReference"));
        assertThatThrownBy(() -> aCouponUse().redeemedBy(" ").coupon()).isInstanceOf(InvalidValueException.class);
        assertThat(aCouponUse().redeemedBy("P1").coupon().redemptionReference()).contains("P1");
    }

    @Test
    void eventsHaveStableTypesAndTheCodeAsAggregate() {
        CouponCode code = aCouponUse().coupon().code();
        List<CouponEvent> events = List.of(
                new CouponRedeemed(code, null, "P1", eur(0), AT),
                new CouponRestored(code, "P1", AT),
                new CouponExpired(code, "P1", AT));
        assertThat(events)
                .extracting(CouponEvent::type)
                .containsExactly("COUPON_REDEEMED", "COUPON_RESTORED", "COUPON_EXPIRED");
        assertThat(events).extracting(CouponEvent::aggregateId).containsOnly(code.toString());
        assertThat(events).extracting(CouponEvent::occurredAt).containsOnly(AT);
        assertThat(((CouponRedeemed) events.get(0)).customer()).isEmpty();
        assertThat(new CouponRedeemed(code, ELENA, "P1", eur(1), AT).customer()).contains(ELENA);
        assertThatThrownBy(() -> new CouponRedeemed(code, null, null, eur(0), AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CouponRestored(code, "P1", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CouponExpired(null, "P1", AT)).isInstanceOf(NullPointerException.class);
    }
}
