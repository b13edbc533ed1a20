package dev.loyalty.adapters.web.history;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV row (RFC 4180 quoting, no line breaks inside fields). */
public final class CsvFields {

    private CsvFields() {}

    /**
     * @param line the row, without its line break
     * @param max the most fields wanted
     * @return the fields, or {@code null} when the row has more than {@code max}
     */
    public static List<String> split(String line, int max) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                if (fields.size() >= max) {
                    return null;
                }
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** @return how many fields the row has, quoting ignored (for a message only) */
    static int count(String line) {
        int n = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }
}
