package dev.loyalty.adapters.web;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Instants as the API takes them: ISO-8601 with an offset, e.g. {@code 2026-11-23T10:15:00Z}. */
public final class Times {

    private Times() {}

    /**
     * @param field the field, named in the problem when the text is not an instant
     * @param text the text
     * @return the instant
     * @throws InvalidValueException when the text is not an ISO-8601 date and time with offset
     */
    public static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(
                    field, field + " must be an ISO-8601 date and time with offset, e.g. 2026-11-23T10:15:00Z");
        }
    }
}
