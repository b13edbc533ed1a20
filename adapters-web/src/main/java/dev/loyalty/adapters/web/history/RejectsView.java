package dev.loyalty.adapters.web.history;

import java.util.List;

/**
 * A page of an import's rejected rows, in line order; {@code next} is the {@code after} of the
 * next page (null at the end).
 */
public record RejectsView(List<Item> items, Long next) {

    /** A rejected row: its line (POSLog: transaction ordinal), why, and a masked excerpt. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ImportReject")
    public record Item(long line, String reason, String excerpt) {}
}
