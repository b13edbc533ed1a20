package dev.loyalty.application.history;

/**
 * What a committed batch adds to its import's counters, and where the import then stands.
 */
public record ImportProgress(
        ReadPosition after, String lastReceipt, long rowsRead, long imported, long duplicates, long rejected) {}
