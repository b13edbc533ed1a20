package dev.loyalty.application.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the stored imports and their rejects. One import runs at a time per programme; a
 * worker holds an import's lease while it reads it and every write of progress is conditional on
 * holding it.
 */
public interface ImportJobs {

    /**
     * Stores a new running import, its lease held by {@code owner} until {@code leaseUntil}.
     *
     * @throws ImportAlreadyRunningException when another import of the programme is running
     */
    void create(ImportJob job, String owner, Instant leaseUntil, String startedBy);

    Optional<ImportJob> byId(ImportId id);

    /** Marks the body as wholly spooled, of {@code bytes}, and gives the lease up. */
    void spooled(ImportId id, long bytes);

    /**
     * Takes the lease of a running, spooled import when it is free or expired.
     *
     * @return the import, when taken
     */
    Optional<ImportJob> claim(ImportId id, String owner, Instant now, Instant leaseUntil);

    /**
     * @return running imports whose lease is free or expired at {@code now}, oldest first
     */
    List<ImportJob> abandoned(Instant now, int limit);

    /**
     * @return running, spooled imports whose last holder's lease expired before {@code expiredBefore}
     *     (the instance that holds their file has not come back since), oldest first
     */
    List<ImportJob> stranded(Instant expiredBefore, int limit);

    /**
     * Adds a batch's progress and renews the lease, if {@code owner} still holds it.
     *
     * @return whether it did (false: the lease was lost, the caller's transaction must not commit)
     */
    boolean advance(ImportId id, String owner, ImportProgress progress, Instant leaseUntil);

    /** Stores rejected rows (a row stored before is left as it is). */
    void reject(ImportId id, List<RejectedRow> rows);

    /**
     * Ends a running import (held by {@code owner}, or by whoever holds it when null).
     *
     * @return whether it did (false: it had ended, or another worker holds it)
     */
    boolean finish(ImportId id, String owner, ImportStatus status, String error, Instant at);

    /** @return up to {@code limit} rejects after line {@code afterLine}, in line order */
    List<RejectedRow> rejects(ImportId id, long afterLine, int limit);
}
