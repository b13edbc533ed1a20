package dev.loyalty.application.tier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** One batch of a tier review, in its own transaction: what a crash loses is at most one batch. */
@ApplicationScoped
public class TierReviewBatch {

    private final TierReviews reviews;

    /** For CDI's proxy only. */
    protected TierReviewBatch() {
        this(null);
    }

    @Inject
    public TierReviewBatch(TierReviews reviews) {
        this.reviews = reviews;
    }

    /** @return the run's totals after the batch */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReviewProgress next(Instant at, int batchSize) {
        return reviews.reviewNextBatch(at, batchSize);
    }
}
