package dev.loyalty.application.catalogue;

import dev.loyalty.domain.shared.InvalidValueException;

/** Checks of required text fields. */
final class Text {

    private Text() {}

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidValueException(field, field + " is at most " + max + " characters");
        }
        return stripped;
    }
}
