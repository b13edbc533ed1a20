package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address in canonical form: trimmed, lower-case, at most 254 characters, shaped
 * {@code local@domain.tld} without spaces. Used as a unique contact point of a customer.
 *
 * @param value the canonical address
 */
public record Email(String value) {

    /** Longest address accepted (RFC 5321 path limit). */
    public static final int MAX_LENGTH = 254;

    private static final String FIELD = "email";
    private static final String LOCAL_CHAR = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    private static final Pattern SHAPE =
            Pattern.compile(LOCAL_CHAR + "+(?:\\." + LOCAL_CHAR + "+)*" + "@(?:" + LABEL + "\\.)+\\p{L}{2,63}");

    /** Normalises (trim, lower-case) and validates the address. */
    public Email {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(FIELD, "email must not be blank");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException(FIELD, "email must be at most " + MAX_LENGTH + " characters");
        }
        if (!SHAPE.matcher(value).matches() || value.indexOf('@') > 64) {
            throw new InvalidValueException(FIELD, "email must look like name@domain.tld");
        }
    }

    /**
     * @param raw the address as typed
     * @return the canonical address
     * @throws InvalidValueException (field {@code email}) when it is not an address
     */
    public static Email of(String raw) {
        return new Email(raw);
    }
}
