package dev.loyalty.adapters.persistence.jobs;

import dev.loyalty.application.idempotency.IdempotencyService;
import dev.loyalty.application.wallet.PointsExpiryJob;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's clock-driven work, on non-persistent EJB timers of every instance (each job is
 * safe to run on several instances at once: expiry locks each wallet, the purge deletes by age):
 * points expiry every hour at :07, the purge of idempotency keys older than 24 h every hour at :37.
 * Bean-managed transactions, so that no transaction surrounds a run and each wallet's expiry (each
 * purge batch) commits on its own, as ReactionRelay learnt the hard way.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class.getName());

    @Inject
    PointsExpiryJob expiry;

    @Inject
    IdempotencyService idempotency;

    @Schedule(hour = "*", minute = "7", persistent = false)
    void expirePoints() {
        try {
            PointsExpiryJob.Run run = expiry.run();
            LOG.log(Level.INFO, "Points expiry: {0} points expired in {1} wallets", new Object[] {
                run.points(), run.wallets()
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Points expiry failed; the next run goes on", e);
        }
    }

    @Schedule(hour = "*", minute = "37", persistent = false)
    void purgeIdempotencyKeys() {
        try {
            int purged;
            int total = 0;
            int rounds = 0;
            do {
                purged = idempotency.purgeExpired();
                total += purged;
            } while (purged > 0 && ++rounds < 100);
            LOG.log(Level.INFO, "Idempotency keys purged: {0}", total);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Idempotency purge failed; the next run goes on", e);
        }
    }
}
