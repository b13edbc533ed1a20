package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.campaign.Holdout;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Driven port: a chunk of an audience run done set-based, in the caller's transaction: the chunk's members read
 * from the frozen audience after the cursor, the holdout's keyed hash computed by the database (the
 * same bucket as {@link Holdout#bucket}), control and treatment recorded in one {@code INSERT ...
 * SELECT} (a member recorded before is skipped; one recorded meanwhile fails the chunk), the points
 * budget spent for the chunk under the campaign's lock (the treatment past it OVER_BUDGET, in
 * customer order), then the treatment's wallets, ledger entries and events written set-based. What
 * needs judging per member (coupons, personal figures, messages) is done by the caller over {@link
 * #treatment} in the same transaction.
 */
public interface CampaignChunks {

    /** @return the targets per chunk (one transaction) this deployment uses */
    default int size() {
        return CampaignPages.CHUNK;
    }

    /**
     * @param work what to do
     * @return the chunk done (its last customer, its tally); empty when no target is left after the cursor
     */
    Optional<Chunk> next(Work work);

    /**
     * The treatment members the chunk {@link #next} just recorded, in the same transaction, in
     * customer order: what is judged per member in Java (a coupon's code, a personal offer's figures,
     * the message's consent and channel) starts from these and is written back with {@link
     * CampaignMembers#completeAll}.
     *
     * @param work the chunk's work, as given to {@link #next}
     * @param upTo the chunk's last customer ({@link Chunk#cursor})
     */
    java.util.List<Recorded> treatment(Work work, String upTo);

    /**
     * A treatment member as the chunk recorded it.
     *
     * @param customer who
     * @param outcome OFFERED, or OVER_BUDGET past a points budget
     * @param points the points credited
     */
    record Recorded(dev.loyalty.domain.customer.CustomerId customer, String outcome, long points) {}

    /**
     * A chunk to do.
     *
     * @param campaign the campaign
     * @param holdout its holdout
     * @param runId the run (also the members' occasion)
     * @param snapshot the audience frozen for the run
     * @param after the last customer done ("" before the first chunk)
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
            int limit,
            Instant at,
            Optional<Points> points,
            Optional<Instant> expiresAt,
            String reason,
            String reference) {}

    /**
     * @param cursor the chunk's last customer
     * @param tally what the chunk did
     */
    record Chunk(String cursor, CampaignRuns.PageTally tally) {}
}
