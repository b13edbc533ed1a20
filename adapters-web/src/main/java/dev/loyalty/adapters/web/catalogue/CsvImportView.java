package dev.loyalty.adapters.web.catalogue;

import java.util.List;

/** What a catalogue CSV import did: rows saved, rows rejected and the first 100 rejects. */
public record CsvImportView(long imported, long rejected, List<Reject> rejects) {

    /** A rejected row: its line and why. */
    public record Reject(long line, String reason) {}
}
