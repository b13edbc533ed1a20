package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A mobile phone number in E.164 form: {@code +}, then 7 to 15 digits, the first one 1-9.
 * No reformatting is attempted beyond trimming. Used as a unique contact point of a customer.
 *
 * @param value the E.164 number
 */
public record PhoneNumber(String value) {

    private static final String FIELD = "phone";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** Trims and validates the number. */
    public PhoneNumber {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(FIELD, "phone must not be blank");
        }
        value = value.strip();
        if (!E164.matcher(value).matches()) {
            throw new InvalidValueException(FIELD, "phone must be in E.164 form, e.g. +393471234567");
        }
    }

    /**
     * @param raw the number as typed
     * @return the number
     * @throws InvalidValueException (field {@code phone}) when it is not E.164
     */
    public static PhoneNumber of(String raw) {
        return new PhoneNumber(raw);
    }
}
