package dev.loyalty.domain.earning;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One version of the programme's earning rules, in force from {@link #effectiveFrom()} until the
 * next version. A line earns {@code pointsPerCurrencyUnit} points per currency unit (100 cents) of
 * its net amount, times its category's multiplier; lines of an excluded category earn nothing.
 * Invariants: the rate is between 1 and {@value #MAX_POINTS_PER_CURRENCY_UNIT}; the currency has
 * two decimals; categories are non-blank and trimmed (compared exactly, like the basket's);
 * multipliers are percents between 0 and {@value #MAX_MULTIPLIER_PERCENT}; a category is never
 * both excluded and multiplied. The collections are immutable; {@code null} collections mean none
 * and a {@code null} rounding means {@link PointsRounding#FLOOR}.
 *
 * @param pointsPerCurrencyUnit points per 1.00 of the currency (100 cents), at least 1
 * @param categoryMultipliers per category, a percent of the base points (200 doubles, 0 earns
 *     nothing); a category not listed earns 100 percent
 * @param excludedCategories categories that never earn points (e.g. tobacco, gift cards)
 * @param rounding how the exact total becomes whole points, once per purchase
 * @param currency the programme's currency; baskets in another currency are refused
 * @param effectiveFrom the instant from which this version applies (inclusive)
 */
public record EarningRules(
        int pointsPerCurrencyUnit,
        Map<String, Integer> categoryMultipliers,
        Set<String> excludedCategories,
        PointsRounding rounding,
        Currency currency,
        Instant effectiveFrom) {

    /** Cents in one currency unit; only currencies with two decimals are accepted. */
    public static final int CENTS_PER_CURRENCY_UNIT = 100;

    /** The highest rate accepted, a guard against a typo that would flood wallets. */
    public static final int MAX_POINTS_PER_CURRENCY_UNIT = 1_000;

    /** The highest multiplier accepted, in percent (100 times the points). */
    public static final int MAX_MULTIPLIER_PERCENT = 10_000;

    /** Validates the version and makes its collections immutable. */
    public EarningRules {
        if (pointsPerCurrencyUnit < 1 || pointsPerCurrencyUnit > MAX_POINTS_PER_CURRENCY_UNIT) {
            throw new InvalidValueException(
                    "pointsPerCurrencyUnit",
                    "pointsPerCurrencyUnit must be between 1 and " + MAX_POINTS_PER_CURRENCY_UNIT);
        }
        if (currency == null) {
            throw new InvalidValueException("currency", "currency is required");
        }
        if (currency.getDefaultFractionDigits() != 2) {
            throw new InvalidValueException("currency", "currency must have two decimals (cents)");
        }
        if (effectiveFrom == null) {
            throw new InvalidValueException("effectiveFrom", "effectiveFrom is required");
        }
        rounding = rounding == null ? PointsRounding.FLOOR : rounding;
        categoryMultipliers = multipliers(categoryMultipliers);
        excludedCategories = exclusions(excludedCategories);
        for (String category : excludedCategories) {
            if (categoryMultipliers.containsKey(category)) {
                throw new InvalidValueException(
                        "categoryMultipliers", "category " + category + " is both excluded and multiplied");
            }
        }
    }

    /**
     * @param pointsPerCurrencyUnit points per 1.00 of the currency, at least 1
     * @param currency the programme's currency
     * @param effectiveFrom the instant from which this version applies
     * @return a version with no multiplier, no exclusion and {@link PointsRounding#FLOOR}
     */
    public static EarningRules flat(int pointsPerCurrencyUnit, Currency currency, Instant effectiveFrom) {
        return new EarningRules(
                pointsPerCurrencyUnit, Map.of(), Set.of(), PointsRounding.FLOOR, currency, effectiveFrom);
    }

    /**
     * @param category a category
     * @param percent its multiplier in percent, 0 to {@value #MAX_MULTIPLIER_PERCENT}
     * @return a copy where {@code category} has this multiplier (replacing any previous one)
     */
    public EarningRules withCategoryMultiplier(String category, int percent) {
        Map<String, Integer> copy = new HashMap<>(categoryMultipliers);
        copy.put(category == null ? null : category.strip(), percent);
        return new EarningRules(pointsPerCurrencyUnit, copy, excludedCategories, rounding, currency, effectiveFrom);
    }

    /**
     * @param category a category that must earn nothing
     * @return a copy where {@code category} is excluded
     */
    public EarningRules withExcludedCategory(String category) {
        Set<String> copy = new HashSet<>(excludedCategories);
        copy.add(category);
        return new EarningRules(pointsPerCurrencyUnit, categoryMultipliers, copy, rounding, currency, effectiveFrom);
    }

    /**
     * @param newRounding how the exact total becomes whole points
     * @return a copy with this rounding
     */
    public EarningRules withRounding(PointsRounding newRounding) {
        return new EarningRules(
                pointsPerCurrencyUnit, categoryMultipliers, excludedCategories, newRounding, currency, effectiveFrom);
    }

    /**
     * @param category a basket line's category
     * @return whether lines of this category earn nothing at all
     */
    public boolean excludes(String category) {
        return excludedCategories.contains(category);
    }

    /**
     * @param category a basket line's category
     * @return its multiplier in percent: its own, or 100 when not listed
     */
    public int multiplierPercentFor(String category) {
        return categoryMultipliers.getOrDefault(category, 100);
    }

    private static Map<String, Integer> multipliers(Map<String, Integer> raw) {
        if (raw == null) {
            return Map.of();
        }
        Map<String, Integer> clean = new HashMap<>();
        for (Map.Entry<String, Integer> entry : raw.entrySet()) {
            String category = category(entry.getKey(), "categoryMultipliers");
            Integer percent = entry.getValue();
            if (percent == null || percent < 0 || percent > MAX_MULTIPLIER_PERCENT) {
                throw new InvalidValueException(
                        "categoryMultipliers",
                        "the multiplier of " + category + " must be between 0 and " + MAX_MULTIPLIER_PERCENT
                                + " percent");
            }
            if (clean.put(category, percent) != null) {
                throw new InvalidValueException("categoryMultipliers", "category " + category + " is listed twice");
            }
        }
        return Map.copyOf(clean);
    }

    private static Set<String> exclusions(Set<String> raw) {
        if (raw == null) {
            return Set.of();
        }
        Set<String> clean = new HashSet<>();
        for (String category : raw) {
            clean.add(category(category, "excludedCategories"));
        }
        return Set.copyOf(clean);
    }

    private static String category(String category, String field) {
        if (category == null || category.isBlank()) {
            throw new InvalidValueException(field, "a category must not be blank");
        }
        return category.strip();
    }
}
