package dev.loyalty.application.checkout;

import dev.loyalty.domain.purchase.PurchaseId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts the pending points whose {@code postAt} has come, one purchase per transaction, in batches of
 * {@value #BATCH}, at most {@value #MAX_BATCHES} batches per run (the next run goes on). Safe on
 * several instances at once and against confirmations and cancellations: each posting locks its
 * purchase and posts only what is still pending.
 */
@ApplicationScoped
public class PendingPointsJob implements PostPendingPointsUseCase {

    static final int BATCH = 200;
    static final int MAX_BATCHES = 100;

    private static final Logger LOG = Logger.getLogger(PendingPointsJob.class.getName());

    private final PointsHolds holds;
    private final PendingPointsService postings;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected PendingPointsJob() {
        this(null, null, null);
    }

    @Inject
    public PendingPointsJob(PointsHolds holds, PendingPointsService postings, Clock clock) {
        this.holds = holds;
        this.postings = postings;
        this.clock = clock;
    }

    @Override
    public Run run() {
        Instant now = clock.instant();
        int purchases = 0;
        long points = 0;
        int failed = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<PurchaseId> due = holds.due(now, BATCH);
            int postedNow = 0;
            for (PurchaseId id : due) {
                try {
                    long posted = postings.postIfDue(id, now);
                    if (posted > 0) {
                        purchases++;
                        postedNow++;
                        points += posted;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.log(Level.WARNING, "Posting the pending points of purchase " + id + " failed", e);
                }
            }
            if (due.size() < BATCH || postedNow == 0) {
                break;
            }
        }
        return new Run(now, purchases, points, failed);
    }
}
