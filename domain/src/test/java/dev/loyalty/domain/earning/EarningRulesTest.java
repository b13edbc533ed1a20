package dev.loyalty.domain.earning;

import static dev.loyalty.domain.earning.EarningFixtures.EUR;
import static dev.loyalty.domain.earning.EarningFixtures.LAUNCH;
import static dev.loyalty.domain.earning.EarningFixtures.onePointPerEuro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EarningRulesTest {

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo("validation-failed");
        });
    }

    private static EarningRules withMultipliers(Map<String, Integer> multipliers) {
        return new EarningRules(1, multipliers, Set.of(), PointsRounding.FLOOR, EUR, LAUNCH);
    }

    private static EarningRules withExclusions(Set<String> excluded) {
        return new EarningRules(1, Map.of(), excluded, PointsRounding.FLOOR, EUR, LAUNCH);
    }

    @Test
    void aFlatVersionHasNoMultiplierNoExclusionAndFloors() {
        EarningRules rules = onePointPerEuro();

        assertThat(rules.pointsPerCurrencyUnit()).isEqualTo(1);
        assertThat(rules.categoryMultipliers()).isEmpty();
        assertThat(rules.excludedCategories()).isEmpty();
        assertThat(rules.rounding()).isEqualTo(PointsRounding.FLOOR);
        assertThat(rules.multiplierPercentFor("food")).isEqualTo(100);
        assertThat(rules.excludes("food")).isFalse();
    }

    @Test
    void roundingDefaultsToFloorAndMissingCollectionsMeanNone() {
        EarningRules rules = new EarningRules(2, null, null, null, EUR, LAUNCH);

        assertThat(rules.rounding()).isEqualTo(PointsRounding.FLOOR);
        assertThat(rules.categoryMultipliers()).isEmpty();
        assertThat(rules.excludedCategories()).isEmpty();
    }

    @Test
    void categoriesAreTrimmedAndTheCollectionsImmutable() {
        Map<String, Integer> multipliers = new HashMap<>(Map.of(" personal-care ", 200, "gift-ideas", 0));
        Set<String> excluded = new HashSet<>(Set.of(" tobacco", "gift-cards"));
        EarningRules rules = new EarningRules(1, multipliers, excluded, PointsRounding.HALF_UP, EUR, LAUNCH);
        multipliers.put("food", 300);
        excluded.add("wine");

        assertThat(rules.categoryMultipliers())
                .containsOnly(Map.entry("personal-care", 200), Map.entry("gift-ideas", 0));
        assertThat(rules.excludedCategories()).containsExactlyInAnyOrder("tobacco", "gift-cards");
        assertThat(rules.multiplierPercentFor("personal-care")).isEqualTo(200);
        assertThat(rules.excludes("tobacco")).isTrue();
        assertThatThrownBy(() -> rules.categoryMultipliers().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rules.excludedCategories().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withersReturnChangedCopies() {
        EarningRules base = onePointPerEuro();

        EarningRules changed = base.withCategoryMultiplier("personal-care", 200)
                .withExcludedCategory("tobacco")
                .withRounding(PointsRounding.HALF_UP);

        assertThat(changed.multiplierPercentFor("personal-care")).isEqualTo(200);
        assertThat(changed.excludes("tobacco")).isTrue();
        assertThat(changed.rounding()).isEqualTo(PointsRounding.HALF_UP);
        assertThat(base).isEqualTo(onePointPerEuro());
        assertThat(base.withCategoryMultiplier("food", 300)
                        .withCategoryMultiplier("food", 150)
                        .multiplierPercentFor("food"))
                .isEqualTo(150);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void theRateIsBetweenOneAndAThousand(int rate) {
        assertInvalid(() -> EarningRules.flat(rate, EUR, LAUNCH), "pointsPerCurrencyUnit");
    }

    @Test
    void theRateBoundsAreAccepted() {
        assertThat(EarningRules.flat(1000, EUR, LAUNCH).pointsPerCurrencyUnit()).isEqualTo(1000);
    }

    @Test
    void theCurrencyIsRequiredAndHasCents() {
        assertInvalid(() -> EarningRules.flat(1, null, LAUNCH), "currency");
        assertInvalid(() -> EarningRules.flat(1, Currency.getInstance("JPY"), LAUNCH), "currency");
        assertInvalid(() -> EarningRules.flat(1, Currency.getInstance("KWD"), LAUNCH), "currency");
    }

    @Test
    void effectiveFromIsRequired() {
        assertInvalid(() -> EarningRules.flat(1, EUR, null), "effectiveFrom");
    }

    @Test
    void multipliersAreBetweenZeroAndTenThousandPercent() {
        assertThat(withMultipliers(Map.of("gift-ideas", 0, "promo", 10_000)).categoryMultipliers())
                .hasSize(2);
        assertInvalid(() -> withMultipliers(Map.of("food", -1)), "categoryMultipliers");
        assertInvalid(() -> withMultipliers(Map.of("food", 10_001)), "categoryMultipliers");
        Map<String, Integer> missingValue = new HashMap<>();
        missingValue.put("food", null);
        assertInvalid(() -> withMultipliers(missingValue), "categoryMultipliers");
    }

    @Test
    void multiplierCategoriesAreNonBlankAndUnique() {
        assertInvalid(() -> withMultipliers(Map.of(" ", 200)), "categoryMultipliers");
        Map<String, Integer> nullKey = new HashMap<>();
        nullKey.put(null, 200);
        assertInvalid(() -> withMultipliers(nullKey), "categoryMultipliers");
        assertInvalid(() -> withMultipliers(Map.of("food", 200, " food ", 300)), "categoryMultipliers");
    }

    @Test
    void excludedCategoriesAreNonBlank() {
        assertInvalid(() -> withExclusions(Set.of("")), "excludedCategories");
        Set<String> nullCategory = new HashSet<>();
        nullCategory.add(null);
        assertInvalid(() -> withExclusions(nullCategory), "excludedCategories");
    }

    @Test
    void aCategoryIsNeverBothExcludedAndMultiplied() {
        assertInvalid(
                () -> new EarningRules(1, Map.of("tobacco", 200), Set.of(" tobacco "), null, EUR, LAUNCH),
                "categoryMultipliers");
        assertInvalid(
                () -> onePointPerEuro().withExcludedCategory("tobacco").withCategoryMultiplier("tobacco", 0),
                "categoryMultipliers");
    }
}
