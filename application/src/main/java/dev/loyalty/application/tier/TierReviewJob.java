package dev.loyalty.application.tier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The tier review: every customer reviewed as of an instant, {@value #BATCH} customers per
 * transaction, set-based in the store. A run is known by its instant: started again (after a
 * crash, on a second instance), it goes on where it stopped; finished, it does nothing again. The
 * scheduled run stands for the start of the hour it runs in, so that the instances that all fire
 * it share one run.
 */
@ApplicationScoped
public class TierReviewJob {

    /** Customers per batch (one transaction). */
    static final int BATCH = 5_000;

    /** A bound on one call's batches: 50 million customers. */
    static final int MAX_BATCHES = 10_000;

    private final TierReviewBatch batches;
    private final TierProgrammes programmes;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected TierReviewJob() {
        this(null, null, null);
    }

    @Inject
    public TierReviewJob(TierReviewBatch batches, TierProgrammes programmes, Clock clock) {
        this.batches = batches;
        this.programmes = programmes;
        this.clock = clock;
    }

    /**
     * @param at the instant the review stands for
     * @return the run's totals
     */
    public ReviewProgress run(Instant at) {
        ReviewProgress progress = batches.next(at, BATCH);
        for (int batch = 1; !progress.finished() && batch < MAX_BATCHES; batch++) {
            progress = batches.next(at, BATCH);
        }
        return progress;
    }

    /** @return the scheduled run's totals; nothing is done without tier programme */
    public ReviewProgress runScheduled() {
        Instant at = clock.instant().truncatedTo(ChronoUnit.HOURS);
        if (programmes.current().isEmpty()) {
            return new ReviewProgress(at, 0, 0, 0, 0, 0, true);
        }
        return run(at);
    }
}
