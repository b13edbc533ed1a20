package dev.loyalty.application.privacy;

import java.time.Instant;

/**
 * Driven port: deletes, in batches of at most {@code batch} rows, what is older than {@code
 * before}; each returns how many rows it removed (0: nothing left).
 */
public interface ExpiredData {

    /** Events of contacts that never enrolled, received before. */
    int deleteProspectEvents(Instant before, int batch);

    /** Customers' events that occurred before and were reacted to. */
    int deleteEvents(Instant before, int batch);

    /** Verdicts that fired nothing, made before. */
    int deleteVerdicts(Instant before, int batch);

    /** Message history rows from before. */
    int deleteMessageHistory(Instant before, int batch);

    /** Erases the text and values of messages created before (the row stays for the statistics). */
    int eraseMessageTexts(Instant before, int batch);
}
