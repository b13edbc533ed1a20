package dev.loyalty.domain.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded JSON reader for condition documents (the domain uses no JSON library): objects
 * become {@code Map<String, Object>} in document order, arrays {@code List<Object>}, strings
 * {@code String}, numbers {@code BigDecimal} (exponents beyond +-1000 refused), {@code true}/{@code
 * false} {@code Boolean}, {@code null} {@link #NULL}. Refuses duplicate keys, nesting deeper than
 * {@value #MAX_NESTING} and texts longer than {@value #MAX_CHARS} characters, with the JSON path
 * where it stopped. Public for the campaign definitions, which embed conditions.
 */
public final class JsonText {

    static final int MAX_CHARS = 65_536;
    static final int MAX_NESTING = 64;
    /** JSON {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private int at;

    private JsonText(String text) {
        this.text = text;
    }

    /**
     * @param text the JSON text
     * @return the value (maps, lists, strings, BigDecimals, Booleans, {@link #NULL})
     * @throws SegmentConditionInvalidException naming the path where the text stopped being JSON
     */
    public static Object read(String text) {
        if (text == null || text.isBlank()) {
            throw new SegmentConditionInvalidException("$", "a condition is required");
        }
        if (text.length() > MAX_CHARS) {
            throw new SegmentConditionInvalidException("$", "a condition is at most " + MAX_CHARS + " characters");
        }
        JsonText reader = new JsonText(text);
        Object value = reader.value("$", 0);
        reader.space();
        if (reader.at != text.length()) {
            throw new SegmentConditionInvalidException("$", "unexpected text after the condition");
        }
        return value;
    }

    private Object value(String path, int depth) {
        if (depth > MAX_NESTING) {
            throw new SegmentConditionInvalidException(path, "nested deeper than " + MAX_NESTING + " levels");
        }
        space();
        if (at >= text.length()) {
            throw bad(path, "the text ends where a value was expected");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return object(path, depth);
        }
        if (c == '[') {
            return array(path, depth);
        }
        if (c == '"') {
            return string(path);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(path);
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return NULL;
        }
        throw bad(path, "not JSON at character " + (at + 1));
    }

    private Map<String, Object> object(String path, int depth) {
        at++;
        Map<String, Object> object = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw bad(path, "a key was expected at character " + (at + 1));
            }
            String key = string(path);
            String child = path + "." + key;
            space();
            expect(':', path);
            Object value = value(child, depth + 1);
            if (object.put(key, value) != null) {
                throw bad(child, "the key appears twice");
            }
            space();
            char c = peek();
            at++;
            if (c == '}') {
                return object;
            }
            if (c != ',') {
                throw bad(path, "',' or '}' expected at character " + at);
            }
        }
    }

    private List<Object> array(String path, int depth) {
        at++;
        List<Object> array = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return array;
        }
        while (true) {
            array.add(value(path + "[" + array.size() + "]", depth + 1));
            space();
            char c = peek();
            at++;
            if (c == ']') {
                return array;
            }
            if (c != ',') {
                throw bad(path, "',' or ']' expected at character " + at);
            }
        }
    }

    private String string(String path) {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw bad(path, "a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw bad(path, "a control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw bad(path, "a string is not closed");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw bad(path, "a bad \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw bad(path, "a bad \\u escape");
                    }
                    at += 4;
                }
                default -> throw bad(path, "a bad escape in a string");
            }
        }
    }

    private BigDecimal number(String path) {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        while (at < text.length() && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String raw = text.substring(start, at);
        if (!raw.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw bad(path, "not a number: " + abbreviated(raw));
        }
        int e = Math.max(raw.indexOf('e'), raw.indexOf('E'));
        if (e > 0 && (raw.length() - e > 6)) {
            throw bad(path, "the number is out of range");
        }
        try {
            BigDecimal number = new BigDecimal(raw);
            if (Math.abs(number.scale()) > 1000 || number.precision() > 1000) {
                throw bad(path, "the number is out of range");
            }
            return number;
        } catch (NumberFormatException ex) {
            throw bad(path, "the number is out of range");
        }
    }

    private static String abbreviated(String raw) {
        return raw.length() > 20 ? raw.substring(0, 20) + "..." : raw;
    }

    private void expect(char c, String path) {
        if (peek() != c) {
            throw bad(path, "'" + c + "' expected at character " + (at + 1));
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private static SegmentConditionInvalidException bad(String path, String detail) {
        return new SegmentConditionInvalidException(path, detail);
    }
}
