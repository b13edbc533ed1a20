package dev.loyalty.application.wallet;

import dev.loyalty.application.account.Wallets;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The scheduled expiry of points: every wallet whose next expiry has come gets its EXPIRE entry,
 * one wallet per transaction, in batches of {@value #BATCH}; bounded to {@value #MAX_BATCHES}
 * batches per run (the next run goes on). A wallet's next expiry moves on when it is saved, so a
 * run never finds the same wallet twice for the same instant.
 */
@ApplicationScoped
public class PointsExpiryJob {

    static final int BATCH = 500;
    static final int MAX_BATCHES = 200;

    private final Wallets wallets;
    private final PointsExpiry expiry;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected PointsExpiryJob() {
        this(null, null, null);
    }

    @Inject
    public PointsExpiryJob(Wallets wallets, PointsExpiry expiry, Clock clock) {
        this.wallets = wallets;
        this.expiry = expiry;
        this.clock = clock;
    }

    /**
     * @return what the run did
     */
    public Run run() {
        Instant now = clock.instant();
        int walletsSeen = 0;
        long points = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<CustomerId> due = wallets.dueForExpiry(now, BATCH);
            for (CustomerId customer : due) {
                points += expiry.expire(customer, now);
                walletsSeen++;
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return new Run(now, walletsSeen, points);
    }

    /**
     * One run.
     *
     * @param at the instant points were expired at
     * @param wallets how many wallets had points due
     * @param points how many points expired
     */
    public record Run(Instant at, int wallets, long points) {}
}
