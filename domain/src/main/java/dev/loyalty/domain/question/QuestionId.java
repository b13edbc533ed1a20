package dev.loyalty.domain.question;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A question's identity, a slug the console chooses ({@code has-pets}, {@code household-size}):
 * 1 to 64 lowercase letters and digits in words joined by single hyphens.
 *
 * @param value the slug
 */
public record QuestionId(String value) {

    /** The longest id. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Validates the slug. */
    public QuestionId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("id", "id is required");
        }
        if (value.length() > MAX_LENGTH || !SLUG.matcher(value).matches()) {
            throw new InvalidValueException(
                    "id", "id must be 1-" + MAX_LENGTH + " lowercase letters or digits in words joined by '-'");
        }
    }

    /**
     * @param value the slug as sent
     * @return the id
     */
    public static QuestionId of(String value) {
        return new QuestionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
