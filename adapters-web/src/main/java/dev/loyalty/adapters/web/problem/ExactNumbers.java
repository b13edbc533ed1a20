package dev.loyalty.adapters.web.problem;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Whole-number fields of a request ({@code Long}, {@code Integer}) take exactly the number sent or
 * fail: JSON-B on its own truncates {@code 1.5} to 1, wraps {@code 1e30} around to an arbitrary
 * {@code long} and reads {@code 1e999999999} as 0 - a value nobody sent, which then passes the
 * field's bean validation. A number is judged on its short text before anything expands
 * it; a failure is a {@link JsonbException} JSON-B reports with the property's name.
 */
final class ExactNumbers {

    /** More characters than any {@code long} needs, even written as {@code 1.000e3}. */
    static final int MAX_TEXT = 40;

    /** The most digits before the point a {@code long} can have. */
    private static final int LONG_DIGITS = 19;

    private ExactNumbers() {}

    /**
     * @return the whole number the parser is at, or null for a JSON null (read as a value: the
     *     parser JSON-B hands over does not tell its current event)
     */
    static Long exactLong(JsonParser parser) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case NULL -> null;
            case NUMBER -> exactLong(value.toString());
            case STRING -> exactLong(((JsonString) value).getString());
            default -> throw new JsonbException("a whole number is expected, not " + value.getValueType());
        };
    }

    /** @return {@code text} as a whole number, when it is one within a {@code long} */
    static long exactLong(String text) {
        String number = text.strip();
        if (number.length() > MAX_TEXT) {
            throw new JsonbException("a whole number is expected, within " + Long.MAX_VALUE);
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new JsonbException("a whole number is expected, not text");
        }
        if (decimal.precision() - decimal.scale() > LONG_DIGITS) {
            throw new JsonbException("a whole number is expected, within " + Long.MAX_VALUE);
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw new JsonbException("a whole number is expected, within " + Long.MAX_VALUE + ", not " + number);
        }
    }

    /** {@code Long} fields: exactly the whole number sent. */
    static final class LongDeserializer implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return exactLong(parser);
        }
    }

    /** {@code Integer} fields: exactly the whole number sent, within an {@code int}. */
    static final class IntegerDeserializer implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long value = exactLong(parser);
            if (value == null) {
                return null;
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new JsonbException("a whole number is expected, within " + Integer.MAX_VALUE + ", not " + value);
            }
            return value.intValue();
        }
    }
}
