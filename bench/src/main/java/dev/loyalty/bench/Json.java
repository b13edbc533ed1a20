package dev.loyalty.bench;

import dev.loyalty.bench.floor.PurchaseWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough JSON for the benchmark: quoting strings into hand-built bodies, and reading a
 * top-level string, number or string array out of the service's small responses. It does not
 * validate; a field it cannot find is empty.
 */
final class Json {

    private Json() {}

    /** The string as a JSON string literal, quotes included. */
    static String quote(String value) {
        return PurchaseWrites.quote(value);
    }

    /** The string value of the first {@code "field": "..."} in the text. */
    static Optional<String> string(String json, String field) {
        int at = valueStart(json, field);
        if (at < 0 || json.charAt(at) != '"') {
            return Optional.empty();
        }
        return Optional.of(readString(json, at));
    }

    /** The numeric value of the first {@code "field": 123} in the text. */
    static Optional<Long> number(String json, String field) {
        int at = valueStart(json, field);
        if (at < 0) {
            return Optional.empty();
        }
        int end = at;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return end == at ? Optional.empty() : Optional.of(Long.parseLong(json.substring(at, end)));
    }

    /** The strings of the first {@code "field": ["a", "b"]} in the text (empty if absent). */
    static List<String> strings(String json, String field) {
        List<String> values = new ArrayList<>();
        int at = valueStart(json, field);
        if (at < 0 || json.charAt(at) != '[') {
            return values;
        }
        int i = skipBlanks(json, at + 1);
        while (i < json.length() && json.charAt(i) == '"') {
            String value = readString(json, i);
            values.add(value);
            i = skipBlanks(json, closingQuote(json, i) + 1);
            if (i < json.length() && json.charAt(i) == ',') {
                i = skipBlanks(json, i + 1);
            }
        }
        return values;
    }

    private static int valueStart(String json, String field) {
        String key = quote(field);
        int from = 0;
        while (true) {
            int at = json.indexOf(key, from);
            if (at < 0) {
                return -1;
            }
            int colon = skipBlanks(json, at + key.length());
            if (colon < json.length() && json.charAt(colon) == ':') {
                int value = skipBlanks(json, colon + 1);
                return value < json.length() ? value : -1;
            }
            from = at + key.length();
        }
    }

    private static int skipBlanks(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int closingQuote(String json, int openingQuote) {
        int i = openingQuote + 1;
        while (i < json.length() && json.charAt(i) != '"') {
            i += json.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static String readString(String json, int openingQuote) {
        StringBuilder out = new StringBuilder();
        int end = closingQuote(json, openingQuote);
        for (int i = openingQuote + 1; i < end; i++) {
            char c = json.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = json.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }
}
