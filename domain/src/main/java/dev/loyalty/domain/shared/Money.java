package dev.loyalty.domain.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in integer minor units (cents) of one currency. Arithmetic only combines
 * amounts of the same currency: mixing currencies is a programming error
 * ({@link IllegalArgumentException}), not a business failure. {@link #of} only accepts zero or
 * positive amounts, as every amount coming from outside is; a negative amount can only be the
 * result of {@link #minus}, so that a difference can be inspected with {@link #isNegative()}.
 * Overflow is an {@link ArithmeticException}, never a silent wrap-around.
 *
 * @param cents the amount in minor units of the currency (may be negative only as a difference)
 * @param currency the ISO 4217 currency, non-null
 */
public record Money(long cents, Currency currency) {

    /** Validates that the currency is present. */
    public Money {
        if (currency == null) {
            throw new InvalidValueException("currency", "currency is required");
        }
    }

    /**
     * @param cents a zero or positive amount in minor units
     * @param currencyCode an ISO 4217 code such as {@code EUR}
     * @return the amount
     * @throws InvalidValueException (field {@code amount}) for a negative amount, (field
     *         {@code currency}) for an unknown currency code
     */
    public static Money of(long cents, String currencyCode) {
        if (cents < 0) {
            throw new InvalidValueException("amount", "amount must not be negative");
        }
        return new Money(cents, currency(currencyCode));
    }

    /**
     * @param currency the currency
     * @return nothing, in that currency
     */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    private static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("currency", "currency is required");
        }
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "currency must be an ISO 4217 code");
        }
    }

    /**
     * @param other an amount in the same currency
     * @return the sum
     * @throws IllegalArgumentException when the currencies differ
     */
    public Money plus(Money other) {
        return new Money(Math.addExact(cents, sameCurrency(other).cents), currency);
    }

    /**
     * @param other an amount in the same currency
     * @return the difference, negative when {@code other} is larger
     * @throws IllegalArgumentException when the currencies differ
     */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, sameCurrency(other).cents), currency);
    }

    /**
     * @param factor a multiplier (e.g. a quantity)
     * @return this amount times {@code factor}
     */
    public Money times(long factor) {
        return new Money(Math.multiplyExact(cents, factor), currency);
    }

    /** @return whether the amount is below zero (only possible as a difference) */
    public boolean isNegative() {
        return cents < 0;
    }

    /** @return whether the amount is exactly zero */
    public boolean isZero() {
        return cents == 0;
    }

    /**
     * @param other an amount in the same currency
     * @return whether this amount is strictly smaller
     * @throws IllegalArgumentException when the currencies differ
     */
    public boolean isLessThan(Money other) {
        return cents < sameCurrency(other).cents;
    }

    /**
     * @param other an amount in the same currency
     * @return whether this amount is strictly larger
     * @throws IllegalArgumentException when the currencies differ
     */
    public boolean isGreaterThan(Money other) {
        return cents > sameCurrency(other).cents;
    }

    /**
     * @param other an amount in the same currency
     * @return the smaller of the two
     * @throws IllegalArgumentException when the currencies differ
     */
    public Money min(Money other) {
        return isLessThan(other) ? this : other;
    }

    private Money sameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    /**
     * @return the amount with the currency's decimals and its code, e.g. {@code 42.00 EUR}; used
     *         in human-readable details
     */
    @Override
    public String toString() {
        int decimals = Math.max(0, currency.getDefaultFractionDigits());
        return BigDecimal.valueOf(cents, decimals).toPlainString() + " " + currency.getCurrencyCode();
    }
}
