package dev.loyalty.application.idempotency;

import dev.loyalty.domain.shared.InvalidValueException;

/**
 * A client's key for one state-changing request: 1 to {@value #MAX_LENGTH} printable ASCII
 * characters, compared exactly.
 *
 * @param value the key as sent
 */
public record IdempotencyKey(String value) {

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 255;

    /** The field name problems use. */
    public static final String FIELD = "Idempotency-Key";

    /** Validates the key. */
    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException(FIELD, FIELD + " must be 1 to " + MAX_LENGTH + " characters");
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) || value.isBlank()) {
            throw new InvalidValueException(FIELD, FIELD + " must be printable ASCII");
        }
    }
}
