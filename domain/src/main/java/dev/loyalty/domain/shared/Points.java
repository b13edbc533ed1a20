package dev.loyalty.domain.shared;

import java.util.Objects;

/**
 * A non-negative quantity of loyalty points. Signed movements of a ledger are expressed by the
 * entry type, not by negative points; an amount below zero cannot exist
 * ({@link InvalidValueException}, field {@code points}), so {@link #minus} refuses to go below
 * zero. Whether a customer has enough points is the wallet's rule, not this value's.
 *
 * @param value the number of points, zero or more
 */
public record Points(long value) {

    /** No points. */
    public static final Points ZERO = new Points(0);

    /** Validates that the amount is not negative. */
    public Points {
        if (value < 0) {
            throw new InvalidValueException("points", "points must not be negative");
        }
    }

    /**
     * @param value zero or more
     * @return the amount
     * @throws InvalidValueException (field {@code points}) when negative
     */
    public static Points of(long value) {
        return new Points(value);
    }

    /**
     * @param other another amount
     * @return the sum
     */
    public Points plus(Points other) {
        return new Points(Math.addExact(value, Objects.requireNonNull(other, "other").value));
    }

    /**
     * @param other an amount not larger than this one
     * @return the difference
     * @throws InvalidValueException (field {@code points}) when {@code other} is larger
     */
    public Points minus(Points other) {
        return new Points(value - Objects.requireNonNull(other, "other").value);
    }

    /** @return whether there are no points */
    public boolean isZero() {
        return value == 0;
    }

    /**
     * @param other another amount
     * @return whether this amount is strictly smaller
     */
    public boolean isLessThan(Points other) {
        return value < other.value;
    }

    /**
     * @param other another amount
     * @return the smaller of the two
     */
    public Points min(Points other) {
        return value <= other.value ? this : other;
    }

    /** @return the number, e.g. {@code 120} */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
