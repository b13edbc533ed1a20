package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.CampaignId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Driven port: campaign runs. The slot (campaign, scheduled instant) is unique, so a slot runs once
 * however many instances start it; every write after the claim is conditional on the lease.
 */
public interface CampaignRuns {

    /**
     * Creates a RUNNING run for a slot.
     *
     * @return false when the slot has its run already (nothing is written)
     */
    boolean create(CampaignRun run);

    Optional<CampaignRun> byId(UUID runId);

    Optional<CampaignRun> bySlot(CampaignId campaign, Instant scheduledFor);

    /** @return the campaign's runs, newest first */
    List<CampaignRun> of(CampaignId campaign);

    /**
     * Takes the lease of a RUNNING run whose lease is free or expired at {@code now}.
     *
     * @return the run, when taken
     */
    Optional<CampaignRun> claim(UUID runId, String owner, Instant now, Instant leaseUntil);

    /** Moves the lease's end, while {@code owner} holds it: @return whether it did */
    boolean extend(UUID runId, String owner, Instant leaseUntil);

    /** Records the preparation, while {@code owner} holds the lease: @return whether it did */
    boolean prepared(UUID runId, String owner, CampaignTargets.Prepared prepared, Instant leaseUntil);

    /**
     * Adds a page's tally and moves the cursor, while {@code owner} holds the lease (renewed).
     *
     * @return whether it did (false: the lease was lost, the page must not commit)
     */
    boolean page(UUID runId, String owner, String cursor, PageTally tally, Instant leaseUntil);

    /**
     * Adds to the RUNNING run what a chunk gave of a campaign without the matching limit (its row is
     * not locked for a chunk: lanes would wait on each other there); the run's end adds it to the
     * campaign's counters ({@link #finish}, {@link #finishLane}, {@link #fail}).
     */
    void spentUnlimited(UUID runId, long coupons, long discountCents, long points);

    /** Ends the run, while {@code owner} holds the lease. */
    void finish(UUID runId, String owner, RunStatus status, Optional<String> error, Instant now);

    /**
     * @return RUNNING runs whose lease expired (or was never taken) before {@code now}: a run in lanes
     *     when one of its lanes not done has such a lease
     */
    List<UUID> abandoned(Instant now, int limit);

    /** Splits a run just prepared into lanes (each with its low as its cursor, no lease), in the caller's transaction. */
    void createLanes(UUID runId, List<RunLanes.Range> lanes);

    /** @return the run's lanes, in order; empty for a run without lanes */
    List<CampaignRunLane> lanes(UUID runId);

    /**
     * Takes the lease of a lane not done whose lease is free or expired at {@code now} (a lane of a
     * run that ended cannot commit a chunk: {@link #lanePage} refuses it).
     *
     * @return the lane, when taken
     */
    Optional<CampaignRunLane> claimLane(UUID runId, int lane, String owner, Instant now, Instant leaseUntil);

    /**
     * Adds a lane's chunk's tally to its RUNNING run (first: the run's row is locked before the lane's,
     * as {@link #finishLane} locks them) and moves the lane's cursor, while {@code owner} holds the
     * lane's lease (renewed).
     *
     * @return whether it did (false: the lease was lost or the run ended, the chunk must not commit)
     */
    boolean lanePage(UUID runId, int lane, String owner, String cursor, PageTally tally, Instant leaseUntil);

    /**
     * Marks the lane done while {@code owner} holds its lease, under the run's row lock; the run
     * completes when it was its last lane not done (so exactly one lane completes it).
     *
     * @return what happened
     */
    LaneEnd finishLane(UUID runId, int lane, String owner, Instant now);

    /** How {@link #finishLane} ended. */
    enum LaneEnd {
        /** The lane's lease went to another runner, or the run ended meanwhile: nothing written. */
        LOST,
        /** The lane is done; another is not yet. */
        DONE,
        /** The lane is done, and was the run's last: the run is COMPLETED. */
        COMPLETED
    }

    /** Ends a RUNNING run in lanes as FAILED (its other lanes stop at their next chunk). */
    void fail(UUID runId, String error, Instant now);

    /**
     * What a page did.
     *
     * @param processed targets done
     * @param offered offered
     * @param heldOut held out
     * @param suppressed suppressed
     * @param overBudget over budget
     */
    record PageTally(long processed, long offered, long heldOut, long suppressed, long overBudget) {}
}
