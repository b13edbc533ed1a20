package dev.loyalty.adapters.web;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an enumerated field sent as text, so that a value outside its set is a 422 naming the
 * field and the allowed values rather than an anonymous binding error.
 */
public final class Choices {

    private Choices() {}

    public static <E extends Enum<E>> E of(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new InvalidValueException(field, field + " must be one of " + allowed);
        }
    }
}
