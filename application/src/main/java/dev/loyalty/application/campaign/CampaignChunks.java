package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.Holdout;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Driven port: a chunk of an audience run done set-based, in the caller's transaction. The chunk's
 * targets are read once from the frozen audience after the cursor (keyset: the snapshot's key, in
 * customer order), each with the holdout's keyed hash judged by the database (the same bucket as
 * {@link Holdout#bucket}) and whether it was recorded before (then skipped); the caller judges the
 * treatment (budget, coupons, personal figures, messages) and records every member once, with what
 * it got ({@link CampaignMembers#recordAll}: a member recorded meanwhile fails the chunk); then a
 * points offer's wallets, ledger entries and events are written set-based by {@link #credit} over
 * the treatment members so recorded.
 */
public interface CampaignChunks {

    /** @return the targets per chunk (one transaction) this deployment uses */
    default int size() {
        return CampaignPages.CHUNK;
    }

    /**
     * @return the lanes a set-based run is split into ({@link RunLanes}), 1 for none, as this
     *     deployment sets it
     */
    default int lanes() {
        return 1;
    }

    /**
     * The ids that cut a frozen audience into {@code lanes} equal shares in key order: the last id
     * of each share but the last (fewer when the audience has fewer customers than lanes).
     *
     * @param snapshot the audience frozen
     * @param total its customers
     * @param lanes the shares wanted
     * @return the boundaries, strictly increasing
     */
    java.util.List<String> boundaries(UUID snapshot, long total, int lanes);

    /**
     * @param work what to do
     * @return the chunk's targets after the cursor, in customer order, at most {@link Work#limit}; empty
     *     when none is left
     */
    java.util.List<Target> targets(Work work);

    /**
     * Credits {@link Work#points} to the chunk's treatment members recorded with those points (in
     * this transaction, by {@link CampaignMembers#recordAll}): their wallets first (their row locks
     * keep a purchase crediting the same wallet waiting), then a ledger entry each after its last one
     * and a {@code POINTS_EARNED} event with its balance after.
     *
     * @param work the chunk's work, as given to {@link #targets}
     * @param upTo the chunk's last customer
     * @param granted how many members were granted the points
     */
    void credit(Work work, String upTo, long granted);

    /**
     * A target of the chunk.
     *
     * @param customer who
     * @param heldOut in the campaign's control group
     * @param recorded a member of the run already (skipped)
     */
    record Target(dev.loyalty.domain.customer.CustomerId customer, boolean heldOut, boolean recorded) {}

    /**
     * A chunk to do.
     *
     * @param campaign the campaign
     * @param holdout its holdout
     * @param runId the run (also the members' occasion)
     * @param snapshot the audience frozen for the run
     * @param after the last customer done ("" before the first chunk)
     * @param upTo the last customer of the chunk's lane, if it has one
     * @param limit targets per chunk
     * @param at the members' contact instant
     * @param points the points each treatment member gets, if any
     * @param expiresAt when those points expire, if they do
     * @param reason the ledger entries' reason
     * @param reference the ledger entries' reference
     */
    record Work(
            CampaignId campaign,
            Holdout holdout,
            UUID runId,
            UUID snapshot,
            String after,
            Optional<String> upTo,
            int limit,
            Instant at,
            Optional<Points> points,
            Optional<Instant> expiresAt,
            String reason,
            String reference) {

        /** A chunk of a run without lanes. */
        public Work(
                CampaignId campaign,
                Holdout holdout,
                UUID runId,
                UUID snapshot,
                String after,
                int limit,
                Instant at,
                Optional<Points> points,
                Optional<Instant> expiresAt,
                String reason,
                String reference) {
            this(
                    campaign,
                    holdout,
                    runId,
                    snapshot,
                    after,
                    Optional.empty(),
                    limit,
                    at,
                    points,
                    expiresAt,
                    reason,
                    reference);
        }
    }
}
