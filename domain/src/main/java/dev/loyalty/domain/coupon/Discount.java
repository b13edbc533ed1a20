package dev.loyalty.domain.coupon;

import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.util.Objects;

/**
 * What a coupon takes off the amount it applies to; never more than that amount.
 */
public sealed interface Discount permits Discount.AmountOff, Discount.PercentOff {

    /**
     * @param eligibleAmount the zero or positive amount the coupon applies to
     * @return the discount, between zero and {@code eligibleAmount}
     * @throws IllegalArgumentException when the amount is negative or in another currency
     */
    Money applyTo(Money eligibleAmount);

    private static void nonNegative(Money amount) {
        if (Objects.requireNonNull(amount, "eligibleAmount").isNegative()) {
            throw new IllegalArgumentException("eligible amount " + amount + " is negative");
        }
    }

    /**
     * A fixed amount off, capped at the eligible amount.
     *
     * @param amount the positive amount
     */
    record AmountOff(Money amount) implements Discount {

        /** Validates that the amount is positive. */
        public AmountOff {
            if (amount == null || amount.isNegative() || amount.isZero()) {
                throw new InvalidValueException("discount", "an amount off must be positive");
            }
        }

        @Override
        public Money applyTo(Money eligibleAmount) {
            nonNegative(eligibleAmount);
            return amount.min(eligibleAmount);
        }
    }

    /**
     * A percentage off, rounded to the cent half-down: the exact discount is rounded to the
     * nearest cent and a tie (exactly half a cent) goes to the smaller discount, i.e. in the
     * programme's favour (15% of 0.10 EUR is 0.01 EUR; 16% of 0.10 EUR is 0.02 EUR).
     *
     * @param percent the whole percentage, 1 to 100
     */
    record PercentOff(int percent) implements Discount {

        /** Validates the range. */
        public PercentOff {
            if (percent < 1 || percent > 100) {
                throw new InvalidValueException("discount", "a percentage off must be between 1 and 100");
            }
        }

        @Override
        public Money applyTo(Money eligibleAmount) {
            nonNegative(eligibleAmount);
            long exactHundredths = Math.multiplyExact(eligibleAmount.cents(), (long) percent);
            long cents = exactHundredths / 100;
            if (exactHundredths % 100 > 50) {
                cents++;
            }
            return new Money(cents, eligibleAmount.currency());
        }
    }
}
