package dev.loyalty.domain.tier;

import dev.loyalty.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * One status level: a name, the qualifying threshold from which a customer reaches it (points or
 * cents, by the programme's {@link TierMetric}) and its earning multiplier. The multiplier is kept
 * exactly as a whole percent (1.5 is 150): at most two decimals are accepted. Invariants: a name of
 * 1 to {@value #MAX_NAME_LENGTH} characters without control characters, trimmed; a threshold from 0
 * to {@value #MAX_THRESHOLD}; a multiplier from 0 to {@value #MAX_MULTIPLIER_PERCENT} percent.
 *
 * @param name e.g. {@code Silver}
 * @param threshold the qualifying amount from which the tier is reached
 * @param earnMultiplierPercent the points multiplier in percent: 100 earns as without tier, 150
 *     earns half as much again
 */
public record Tier(String name, long threshold, int earnMultiplierPercent) {

    /** The longest tier name accepted. */
    public static final int MAX_NAME_LENGTH = 64;

    /** The highest threshold accepted (a billion euros in cents), a guard against typos. */
    public static final long MAX_THRESHOLD = 100_000_000_000L;

    /** The highest multiplier accepted, in percent (ten times the points). */
    public static final int MAX_MULTIPLIER_PERCENT = 1_000;

    /** Validates the tier; the fields are named as in the API ({@code name}, {@code threshold}, {@code earnMultiplier}). */
    public Tier {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "a tier needs a name");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException("name", "a tier name has at most " + MAX_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", "a tier name has no control characters");
        }
        if (threshold < 0 || threshold > MAX_THRESHOLD) {
            throw new InvalidValueException("threshold", "threshold must be between 0 and " + MAX_THRESHOLD);
        }
        if (earnMultiplierPercent < 0 || earnMultiplierPercent > MAX_MULTIPLIER_PERCENT) {
            throw new InvalidValueException(
                    "earnMultiplier", "earnMultiplier must be between 0 and " + MAX_MULTIPLIER_PERCENT / 100);
        }
    }

    /**
     * @param name the tier's name
     * @param threshold its qualifying threshold
     * @param earnMultiplier its multiplier as a decimal, e.g. {@code 1.5}
     * @return the tier
     * @throws InvalidValueException naming {@code earnMultiplier} when it is missing, has more than
     *     two decimals or is out of range, or the field of another broken rule
     */
    public static Tier of(String name, long threshold, BigDecimal earnMultiplier) {
        return new Tier(name, threshold, percentOf(earnMultiplier));
    }

    /**
     * @param multiplier a decimal multiplier such as {@code 1.25}
     * @return it in whole percent, e.g. {@code 125}
     * @throws InvalidValueException (field {@code earnMultiplier}) when missing, with more than two
     *     decimals, negative or above {@value #MAX_MULTIPLIER_PERCENT} percent
     */
    public static int percentOf(BigDecimal multiplier) {
        if (multiplier == null) {
            throw new InvalidValueException("earnMultiplier", "earnMultiplier is required, e.g. 1.5");
        }
        if (multiplier.signum() < 0 || multiplier.compareTo(BigDecimal.valueOf(MAX_MULTIPLIER_PERCENT, 2)) > 0) {
            throw new InvalidValueException(
                    "earnMultiplier", "earnMultiplier must be between 0 and " + MAX_MULTIPLIER_PERCENT / 100);
        }
        BigDecimal percent = multiplier.movePointRight(2);
        if (percent.stripTrailingZeros().scale() > 0) {
            throw new InvalidValueException(
                    "earnMultiplier", "earnMultiplier has at most two decimals (it is kept exactly, e.g. 1.25)");
        }
        return percent.setScale(0, RoundingMode.UNNECESSARY).intValueExact();
    }

    /** @return the multiplier as a decimal without trailing zeros, e.g. {@code 1.5} or {@code 2} */
    public BigDecimal earnMultiplier() {
        BigDecimal value = BigDecimal.valueOf(earnMultiplierPercent, 2).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }

    /**
     * @param other a tier name, e.g. as stored for a customer
     * @return whether it names this tier (tier names are compared regardless of case)
     */
    public boolean isNamed(String other) {
        return other != null && key(name).equals(key(other.strip()));
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
