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

    /** Ends the run, while {@code owner} holds the lease. */
    void finish(UUID runId, String owner, RunStatus status, Optional<String> error, Instant now);

    /** @return RUNNING runs whose lease expired (or was never taken) before {@code now} */
    List<UUID> abandoned(Instant now, int limit);

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
