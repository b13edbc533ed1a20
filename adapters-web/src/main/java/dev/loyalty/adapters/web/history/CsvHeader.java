package dev.loyalty.adapters.web.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a sales history CSV: the required columns {@link #REQUIRED}, the optional
 * {@link #OPTIONAL}, in any order; another column is an error.
 */
record CsvHeader(Map<String, Integer> positions, int columns) {

    static final List<String> REQUIRED = List.of(
            "store_id", "receipt_id", "occurred_at", "customer", "sku", "category", "quantity", "unit_price_cents");
    static final List<String> OPTIONAL = List.of("discount_cents", "channel");

    /** A header that is not the one expected: what is missing and what is unknown. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static CsvHeader parse(String line) throws Invalid {
        List<String> names = CsvFields.split(line.startsWith("\uFEFF") ? line.substring(1) : line, 64);
        if (names == null) {
            throw new Invalid("the header has more than 64 columns");
        }
        Map<String, Integer> positions = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                unknown.add(name.length() > 40 ? name.substring(0, 40) : name);
            } else if (positions.put(name, i) != null) {
                throw new Invalid("the column " + name + " appears twice in the header");
            }
        }
        List<String> missing =
                REQUIRED.stream().filter(r -> !positions.containsKey(r)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new Invalid((missing.isEmpty() ? "" : "missing columns " + missing + "; ")
                    + (unknown.isEmpty() ? "" : "unknown columns " + unknown + "; ")
                    + "expected " + String.join(",", REQUIRED) + " (+ optional " + String.join(",", OPTIONAL) + ")");
        }
        return new CsvHeader(Map.copyOf(positions), names.size());
    }

    /** @return the column's position, or -1 when the header does not have it */
    int position(String name) {
        Integer at = positions.get(name);
        return at == null ? -1 : at;
    }
}
