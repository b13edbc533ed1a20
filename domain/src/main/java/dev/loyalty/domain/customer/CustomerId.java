package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity of a customer: a random UUID, never reused. Its string form is the canonical
 * lower-case UUID.
 *
 * @param value the UUID, non-null
 */
public record CustomerId(UUID value) {

    private static final String FIELD = "customerId";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Validates that the UUID is present. */
    public CustomerId {
        if (value == null) {
            throw new InvalidValueException(FIELD, "customerId is required");
        }
    }

    /**
     * @return a fresh random identity
     */
    public static CustomerId newId() {
        return new CustomerId(UUID.randomUUID());
    }

    /**
     * @param raw the textual UUID (8-4-4-4-12 hexadecimal digits, surrounding blanks ignored)
     * @return the identity
     * @throws InvalidValueException (field {@code customerId}) when {@code raw} is not a UUID
     */
    public static CustomerId parse(String raw) {
        if (raw == null || !UUID_TEXT.matcher(raw.strip()).matches()) {
            throw new InvalidValueException(FIELD, "customerId must be a UUID");
        }
        return new CustomerId(UUID.fromString(raw.strip()));
    }

    /**
     * Reads an id that must designate a customer: a text that is not a customer id designates
     * nobody, which is "not found" (404) rather than a bad request.
     *
     * @param raw the textual UUID
     * @param detail what to say when it is not one
     * @return the identity
     * @throws CustomerNotFoundException when {@code raw} is not a UUID
     */
    public static CustomerId parseDesignating(String raw, String detail) {
        try {
            return parse(raw);
        } catch (InvalidValueException notAnId) {
            throw new CustomerNotFoundException(detail);
        }
    }

    /**
     * @return the canonical UUID string
     */
    @Override
    public String toString() {
        return value.toString();
    }
}
