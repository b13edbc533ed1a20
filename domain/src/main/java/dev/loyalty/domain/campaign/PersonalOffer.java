package dev.loyalty.domain.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a personal offer's figures follow from a customer's average basket (Elena: "5 EUR off a
 * basket of at least twice her average basket, rounded to 5 EUR, on ready meals"). All money in
 * integer cents. The value is {@code valueCents}, or {@code averageBasket * valuePercent / 100};
 * rounded half up to a multiple of {@code roundTo}, then held within {@code [min, max]}. The
 * minimum spend is {@code averageBasket * minSpendMultiple} rounded up to a multiple of {@code
 * roundTo} (0 when no multiple is given), and never below the value.
 *
 * @param valuePercent the value as a percentage of the average basket (exclusive with valueCents)
 * @param valueCents a fixed value (exclusive with valuePercent)
 * @param minSpendMultiple the minimum spend as a multiple of the average basket, if any
 * @param roundTo the rounding step, in cents (1 = no rounding)
 * @param min the least value, in cents
 * @param max the greatest value, in cents
 * @param category the category the coupon applies to, if any
 */
public record PersonalOffer(
        Optional<BigDecimal> valuePercent,
        OptionalLong valueCents,
        Optional<BigDecimal> minSpendMultiple,
        long roundTo,
        long min,
        long max,
        Optional<String> category) {

    /** Checks the figures' consistency. */
    public PersonalOffer {
        Objects.requireNonNull(valuePercent, "valuePercent");
        Objects.requireNonNull(valueCents, "valueCents");
        Objects.requireNonNull(minSpendMultiple, "minSpendMultiple");
        Objects.requireNonNull(category, "category");
        if (valuePercent.isPresent() == valueCents.isPresent()) {
            throw new IllegalArgumentException("a personal offer has a percentage or a fixed value");
        }
        if (roundTo < 1 || min < 0 || max < min) {
            throw new IllegalArgumentException("roundTo >= 1 and 0 <= min <= max");
        }
    }

    /** @return whether the figures need the customer's average basket */
    public boolean needsAverageBasket() {
        return valuePercent.isPresent() || minSpendMultiple.isPresent();
    }

    /**
     * @param averageBasketCents the customer's average basket, in cents
     * @return the coupon's value and minimum spend
     */
    public Figures figuresFor(long averageBasketCents) {
        if (averageBasketCents < 0) {
            throw new IllegalArgumentException("an average basket is not negative");
        }
        BigDecimal average = BigDecimal.valueOf(averageBasketCents);
        BigDecimal raw = valueCents.isPresent()
                ? BigDecimal.valueOf(valueCents.getAsLong())
                : average.multiply(valuePercent.orElseThrow()).divide(BigDecimal.valueOf(100));
        long value = roundHalfUp(raw);
        value = Math.max(min, Math.min(max, value));
        long minSpend = minSpendMultiple
                .map(multiple -> roundUp(average.multiply(multiple)))
                .orElse(0L);
        return new Figures(value, Math.max(minSpend, minSpendMultiple.isPresent() ? value : 0));
    }

    private long roundHalfUp(BigDecimal cents) {
        BigDecimal step = BigDecimal.valueOf(roundTo);
        return cents.divide(step, 0, RoundingMode.HALF_UP).multiply(step).longValueExact();
    }

    private long roundUp(BigDecimal cents) {
        BigDecimal step = BigDecimal.valueOf(roundTo);
        return cents.divide(step, 0, RoundingMode.CEILING).multiply(step).longValueExact();
    }

    /**
     * One customer's offer.
     *
     * @param valueCents the discount
     * @param minSpendCents the basket it needs (0: any)
     */
    public record Figures(long valueCents, long minSpendCents) {}
}
