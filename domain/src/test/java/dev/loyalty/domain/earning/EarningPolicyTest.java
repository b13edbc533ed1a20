package dev.loyalty.domain.earning;

import static dev.loyalty.domain.earning.EarningFixtures.EUR;
import static dev.loyalty.domain.earning.EarningFixtures.LAUNCH;
import static dev.loyalty.domain.earning.EarningFixtures.eur;
import static dev.loyalty.domain.earning.EarningFixtures.line;
import static dev.loyalty.domain.earning.EarningFixtures.onePointPerEuro;
import static dev.loyalty.domain.earning.EarningFixtures.priced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.DiscountAllocation;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EarningPolicyTest {

    private final EarningPolicy policy = new EarningPolicy();

    private static final List<PricedLine> THREE_AT_99_CENTS =
            List.of(priced("food", 1, 99), priced("drinks", 1, 99), priced("snacks", 1, 99));

    @Test
    void floorRoundsTheTotalOnceNotEachLine() {
        // 3 x 0.99 = 2.97 points; floored per line it would be 0
        EarnedPoints earned = policy.pointsFor(onePointPerEuro(), THREE_AT_99_CENTS);

        assertThat(earned.points()).isEqualTo(Points.of(2));
        assertThat(earned.exactPoints()).isEqualByComparingTo(new BigDecimal("2.97"));
        assertThat(earned.rounding()).isEqualTo(PointsRounding.FLOOR);
        assertThat(earned.lines()).extracting(LineEarning::exactPoints).allSatisfy(points -> assertThat(points)
                .isEqualByComparingTo("0.99"));
    }

    @Test
    void halfUpRoundsTheTotalOnce() {
        EarningRules rules = onePointPerEuro().withRounding(PointsRounding.HALF_UP);

        assertThat(policy.pointsFor(rules, THREE_AT_99_CENTS).points()).isEqualTo(Points.of(3));
        // 2.50 -> 3 and 2.49 -> 2
        assertThat(policy.pointsFor(rules, List.of(priced("food", 2, 125))).points())
                .isEqualTo(Points.of(3));
        assertThat(policy.pointsFor(rules, List.of(priced("food", 1, 249))).points())
                .isEqualTo(Points.of(2));
    }

    @Test
    void pointsAreEarnedOnTheNetAfterCouponDiscounts() {
        // 3 x 2.50 = 7.50 less 1.20 = 6.30 -> 6
        PricedLine line = new PricedLine(line("food", 3, 250), eur(120));

        EarnedPoints earned = policy.pointsFor(onePointPerEuro(), List.of(line));

        assertThat(earned.points()).isEqualTo(Points.of(6));
        assertThat(earned.lines().get(0).net()).isEqualTo(eur(630));
        assertThat(earned.lines().get(0).discount()).isEqualTo(eur(120));
    }

    @Test
    void aFullyDiscountedLineEarnsNothing() {
        // 10.00 fully discounted, 12.00 discounted by more than its price, 5.00 paid -> 5
        List<PricedLine> lines = List.of(
                new PricedLine(line("food", 1, 1000), eur(1000)),
                new PricedLine(line("wine", 1, 1200), eur(1500)),
                priced("bread", 1, 500));

        EarnedPoints earned = policy.pointsFor(onePointPerEuro(), lines);

        assertThat(earned.points()).isEqualTo(Points.of(5));
        assertThat(earned.lines()).extracting(LineEarning::millionths).containsExactly(0L, 0L, 5_000_000L);
        assertThat(earned.lines()).extracting(LineEarning::net).containsExactly(eur(0), eur(0), eur(500));
    }

    @Test
    void excludedCategoriesEarnNothing() {
        // tobacco 8.50 excluded, gift card 25.00 excluded, food 12.40 -> 12.4 -> 12
        EarningRules rules = onePointPerEuro().withExcludedCategory("tobacco").withExcludedCategory("gift-cards");
        List<PricedLine> lines =
                List.of(priced("tobacco", 1, 850), priced("gift-cards", 1, 2500), priced("food", 2, 620));

        EarnedPoints earned = policy.pointsFor(rules, lines);

        assertThat(earned.points()).isEqualTo(Points.of(12));
        assertThat(earned.lines()).extracting(LineEarning::excluded).containsExactly(true, true, false);
        assertThat(earned.lines()).extracting(LineEarning::millionths).containsExactly(0L, 0L, 12_400_000L);
    }

    @Test
    void categoryMultipliersApplyPerLine() {
        // personal-care 2 x 4.75 = 9.50 at 200% = 19; food 3.33 at 100% = 3.33; gift-ideas 7.00 at 0% = 0
        // total 22.33 -> 22
        EarningRules rules =
                onePointPerEuro().withCategoryMultiplier("personal-care", 200).withCategoryMultiplier("gift-ideas", 0);
        List<PricedLine> lines =
                List.of(priced("personal-care", 2, 475), priced("food", 1, 333), priced("gift-ideas", 1, 700));

        EarnedPoints earned = policy.pointsFor(rules, lines);

        assertThat(earned.points()).isEqualTo(Points.of(22));
        assertThat(earned.exactMillionths()).isEqualTo(22_330_000L);
        assertThat(earned.lines())
                .extracting(LineEarning::categoryMultiplierPercent)
                .containsExactly(200, 100, 0);
        assertThat(earned.lines()).extracting(LineEarning::millionths).containsExactly(19_000_000L, 3_330_000L, 0L);
        assertThat(earned.lines()).extracting(LineEarning::excluded).containsExactly(false, false, false);
    }

    @Test
    void theRateAndAFractionalMultiplierKeepFullPrecision() {
        // 3.35 EUR at 2 points per euro and 150% = 10.05 -> 10; HALF_UP also 10
        EarningRules rules = EarningRules.flat(2, EUR, LAUNCH).withCategoryMultiplier("pharmacy", 150);

        EarnedPoints earned = policy.pointsFor(rules, List.of(priced("pharmacy", 1, 335)));

        assertThat(earned.exactMillionths()).isEqualTo(10_050_000L);
        assertThat(earned.points()).isEqualTo(Points.of(10));
        assertThat(policy.pointsFor(rules.withRounding(PointsRounding.HALF_UP), List.of(priced("pharmacy", 1, 335)))
                        .points())
                .isEqualTo(Points.of(10));
    }

    @Test
    void aTierMultiplierAppliesOnTopOfTheCategoryMultipliers() {
        // food 10.00 at 100% x 150% = 15; personal-care 1.01 at 200% x 150% = 3.03; total 18.03 -> 18
        EarningRules rules = onePointPerEuro().withCategoryMultiplier("personal-care", 200);
        List<PricedLine> lines = List.of(priced("food", 1, 1000), priced("personal-care", 1, 101));

        EarnedPoints earned = policy.pointsFor(rules, lines, 150);

        assertThat(earned.points()).isEqualTo(Points.of(18));
        assertThat(earned.exactMillionths()).isEqualTo(18_030_000L);
        assertThat(earned.tierMultiplierPercent()).isEqualTo(150);
        assertThat(earned.lines())
                .extracting(LineEarning::tierMultiplierPercent)
                .containsExactly(150, 150);
        // without tier: 10 + 2.02 = 12.02 -> 12
        assertThat(policy.pointsFor(rules, lines).points()).isEqualTo(Points.of(12));
        assertThat(policy.pointsFor(rules, lines).tierMultiplierPercent()).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10_001})
    void refusesATierMultiplierOutOfRange(int percent) {
        assertThatThrownBy(() -> policy.pointsFor(onePointPerEuro(), THREE_AT_99_CENTS, percent))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tierMultiplierPercent"));
    }

    @Test
    void worksWithTheCouponDiscountAllocation() {
        // 2.00 off spread over food 6.00 and wine 4.00: 1.20 and 0.80; nets 4.80 and 3.20;
        // wine at 300% = 9.60; total 14.40 -> 14
        List<BasketLine> lines = List.of(line("food", 1, 600), line("wine", 1, 400));
        DiscountAllocation allocation = DiscountAllocation.of(eur(200), lines, Set.of());
        EarningRules rules = onePointPerEuro().withCategoryMultiplier("wine", 300);

        EarnedPoints earned = policy.pointsFor(rules, PricedLine.pair(lines, allocation.parts()));

        assertThat(earned.lines()).extracting(LineEarning::net).containsExactly(eur(480), eur(320));
        assertThat(earned.points()).isEqualTo(Points.of(14));
    }

    @Test
    void anEmptyBasketEarnsNothing() {
        EarnedPoints earned = policy.pointsFor(onePointPerEuro(), List.of());

        assertThat(earned.points()).isEqualTo(Points.ZERO);
        assertThat(earned.lines()).isEmpty();
    }

    @Test
    void theResultNamesTheRulesVersionUsed() {
        assertThat(policy.pointsFor(onePointPerEuro(), THREE_AT_99_CENTS).rulesEffectiveFrom())
                .isEqualTo(LAUNCH);
    }

    @Test
    void aBasketInAnotherCurrencyIsRefused() {
        BasketLine dollars = new BasketLine("SKU-1", "food", 1, Money.of(1000, "USD"));
        List<PricedLine> lines = List.of(priced("food", 1, 500), PricedLine.undiscounted(dollars));

        assertThatThrownBy(() -> policy.pointsFor(onePointPerEuro(), lines))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("currency");
                    assertThat(e.code()).isEqualTo("validation-failed");
                });
    }

    @Test
    void largeBasketsStayExact() {
        // 1,000,000.00 EUR at 1 point, 200% category, 200% tier = 4,000,000 points
        EarningRules rules = onePointPerEuro().withCategoryMultiplier("jewellery", 200);

        EarnedPoints earned = policy.pointsFor(rules, List.of(priced("jewellery", 1, 100_000_000L)), 200);

        assertThat(earned.points()).isEqualTo(Points.of(4_000_000));
    }
}
