package dev.loyalty.application.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * The kept responses, one per key. A claim is written in the caller's transaction: until it
 * commits, another claim of the same key waits for it (and then finds the response), and if it
 * rolls back the key is free again, so a key exists only together with the effects of its request.
 */
public interface IdempotencyRecords {

    /**
     * What was recorded under a key.
     *
     * @param fingerprint the fingerprint of the request that recorded it
     * @param response its response
     */
    record Recorded(String fingerprint, StoredResponse response) {}

    /**
     * Claims the key for this request, or returns what it already holds.
     *
     * @return empty when the key was free and is now claimed by the current transaction
     * @throws IdempotencyKeyInFlightException when another request holding the key does not finish in time
     */
    Optional<Recorded> claim(IdempotentRequest request, Instant now);

    /** Records the response of the request that claimed the key (in the same transaction). */
    void complete(IdempotentRequest request, StoredResponse response);

    /** Forgets the keys recorded before {@code cutoff}; returns how many. */
    int purgeRecordedBefore(Instant cutoff);
}
