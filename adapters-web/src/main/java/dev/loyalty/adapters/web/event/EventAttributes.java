package dev.loyalty.adapters.web.event;

import dev.loyalty.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The attributes of a pushed event, checked and made plain: text, whole numbers (decimals are kept
 * as their text), booleans, and flat lists of those. Nested objects are refused, as are more than
 * {@link #MAX_ATTRIBUTES} names, long texts and numbers a rule could not use (a whole number beyond
 * a {@code long}, more than {@link #MAX_DECIMALS} decimals, more than {@link #MAX_NUMBER_TEXT}
 * characters: {@code 1e999999999} would otherwise become a billion digits of text), naming the
 * offending attribute.
 */
final class EventAttributes {

    static final int MAX_ATTRIBUTES = 50;
    static final int MAX_TEXT = 500;
    static final int MAX_LIST = 100;
    static final int MAX_NUMBER_TEXT = 64;
    static final int MAX_DECIMALS = 18;

    /** The most digits before the point a {@code long} can have. */
    private static final int LONG_DIGITS = 19;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private EventAttributes() {}

    static Map<String, Object> plain(Map<String, Object> raw) {
        if (raw == null) {
            return Map.of();
        }
        if (raw.size() > MAX_ATTRIBUTES) {
            throw new InvalidValueException("attributes", "at most " + MAX_ATTRIBUTES + " attributes");
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidValueException(
                        "attributes", "an attribute name is a letter then up to 63 of" + " letters, digits, _ . -");
            }
            String field = "attributes." + name;
            if (value instanceof List<?> list) {
                if (list.size() > MAX_LIST) {
                    throw new InvalidValueException(field, "a list attribute has at most " + MAX_LIST + " items");
                }
                List<Object> items = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof List<?> || item instanceof Map<?, ?>) {
                        throw new InvalidValueException(field, "a list attribute holds plain values only");
                    }
                    if (item != null) {
                        items.add(scalar(field, item));
                    }
                }
                plain.put(name, List.copyOf(items));
            } else if (value instanceof Map<?, ?>) {
                throw new InvalidValueException(field, "attributes are flat: no nested objects");
            } else if (value != null) {
                plain.put(name, scalar(field, value));
            }
        });
        return plain;
    }

    private static Object scalar(String field, Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number(field, number);
        }
        String text = String.valueOf(value);
        if (text.length() > MAX_TEXT) {
            throw new InvalidValueException(field, "a text attribute is at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    /**
     * A number as a {@code long} when it is whole, else as its plain decimal text; checked on its
     * short (scientific) form before anything expands it.
     */
    private static Object number(String field, Number number) {
        String text = number.toString();
        if (text.length() > MAX_NUMBER_TEXT) {
            throw new InvalidValueException(
                    field, "a number attribute is written in at most " + MAX_NUMBER_TEXT + " characters");
        }
        BigDecimal decimal = new BigDecimal(text);
        if (decimal.precision() - decimal.scale() > LONG_DIGITS) {
            throw outOfRange(field);
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            try {
                return stripped.longValueExact();
            } catch (ArithmeticException beyondLong) {
                throw outOfRange(field);
            }
        }
        if (stripped.scale() > MAX_DECIMALS) {
            throw new InvalidValueException(field, "a number attribute has at most " + MAX_DECIMALS + " decimals");
        }
        return decimal.toPlainString();
    }

    private static InvalidValueException outOfRange(String field) {
        return new InvalidValueException(
                field, "a number attribute lies between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
    }
}
