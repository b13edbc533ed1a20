package dev.loyalty.application.tier;

import java.time.Instant;

/**
 * Driven port: the periodic review of every customer's tier as of an instant, done set-based in
 * the store by the rules of {@link dev.loyalty.domain.tier.TierMovementPolicy#atReview}, one batch
 * of customers (in id order) per call and transaction. Each change is guarded by the version of
 * the standing it was decided on, recorded in the tier history and published as
 * {@code TIER_CHANGED}. A run is identified by its instant and keeps its progress with its
 * batches, so a run stopped half way goes on where it stopped, and one finished does nothing again.
 */
@FunctionalInterface
public interface TierReviews {

    /**
     * Reviews the next batch of the run for {@code at} (started when there is none), in the
     * caller's transaction.
     *
     * @param at the instant the review stands for
     * @param batchSize how many customers at most
     * @return the run's totals after this batch; finished when no customer was left (or there is
     *     no programme)
     */
    ReviewProgress reviewNextBatch(Instant at, int batchSize);
}
