package dev.loyalty.application.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.coupon.CouponStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouponExplainerTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static CouponExplanation.Event event(String type, long minutes) {
        return new CouponExplanation.Event(type, T0.plusSeconds(60 * minutes));
    }

    @Test
    void theStatusAtAnInstantFollowsTheHistoryUpToThatInstantOnly() {
        List<CouponExplanation.Event> history =
                List.of(event("COUPON_REDEEMED", 10), event("COUPON_RESTORED", 20), event("COUPON_REDEEMED", 30));

        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(60 * 5))).isEqualTo(CouponStatus.ISSUED);
        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(60 * 10))).isEqualTo(CouponStatus.REDEEMED);
        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(60 * 25))).isEqualTo(CouponStatus.ISSUED);
        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(60 * 40))).isEqualTo(CouponStatus.REDEEMED);
    }

    @Test
    void anExpiredCouponStaysExpiredAndUnknownEventsChangeNothing() {
        List<CouponExplanation.Event> history = List.of(event("SOMETHING_ELSE", 1), event("COUPON_EXPIRED", 2));

        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(90))).isEqualTo(CouponStatus.ISSUED);
        assertThat(CouponExplainer.statusAt(history, T0.plusSeconds(600))).isEqualTo(CouponStatus.EXPIRED);
    }

    @Test
    void aPersonalCouponIsExplainedByItsOwnFiguresNotItsTemplates() {
        InMemoryCoupons coupons = new InMemoryCoupons();
        InMemoryCouponTemplates templates = new InMemoryCouponTemplates();
        // the template: 3 EUR off 20 EUR; Elena's coupon: 5 EUR off 50 EUR on ready meals
        dev.loyalty.domain.coupon.CouponTemplate template = dev.loyalty.domain.coupon.CouponTemplate.define(
                dev.loyalty.domain.coupon.CouponTemplateId.newId(),
                "Ready meals",
                new dev.loyalty.domain.coupon.Discount.AmountOff(dev.loyalty.domain.shared.Money.of(300, "EUR")),
                dev.loyalty.domain.shared.Money.of(2000, "EUR"),
                java.util.Set.of(dev.loyalty.domain.coupon.SalesChannel.STORE),
                null,
                null,
                30,
                null,
                java.util.Set.of(),
                null);
        templates.add(template);
        dev.loyalty.domain.customer.CustomerId elena = dev.loyalty.domain.customer.CustomerId.newId();
        dev.loyalty.domain.coupon.Coupon coupon = template.issue(
                        dev.loyalty.domain.coupon.CouponCode.generate(new java.util.Random(7)), elena, T0)
                .withOwnFigures(new dev.loyalty.domain.coupon.Coupon.OwnFigures(
                        500, 5000, java.util.Optional.of("ready-meals")));
        coupons.addAll(List.of(coupon));
        CouponExplainer explainer = new CouponExplainer(
                coupons,
                templates,
                (id, limit) -> List.of(),
                null,
                java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));

        CouponExplanation thirtyEuros = explain(explainer, coupon, 3000);
        CouponExplanation sixtyEuros = explain(explainer, coupon, 6000);

        assertThat(thirtyEuros.checks())
                .filteredOn(c -> c.rule().equals("MinimumSpend"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.verdict())
                            .as("30 EUR meets the template's 20, not the coupon's 50")
                            .isEqualTo("NOT_MET");
                    assertThat(c.code()).isEqualTo("coupon-min-spend-not-met");
                    assertThat(c.detail()).contains("50");
                });
        assertThat(sixtyEuros.checks())
                .filteredOn(c -> c.rule().equals("MinimumSpend"))
                .singleElement()
                .satisfies(c -> assertThat(c.verdict()).isEqualTo("MET"));
    }

    private static CouponExplanation explain(
            CouponExplainer explainer, dev.loyalty.domain.coupon.Coupon coupon, long basketCents) {
        return explainer.explain(
                coupon.code(),
                java.util.Optional.empty(), // an anonymous basket: no tier to read
                T0.plusSeconds(60),
                dev.loyalty.domain.coupon.SalesChannel.STORE,
                dev.loyalty.domain.shared.Money.of(basketCents, "EUR"),
                true,
                dev.loyalty.application.shared.Actor.admin("console"));
    }
}
