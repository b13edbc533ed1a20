package dev.loyalty.adapters.scheduling;

import dev.loyalty.application.checkout.PendingPointsJob;
import dev.loyalty.application.idempotency.IdempotencyService;
import dev.loyalty.application.privacy.PurgeExpiredDataUseCase;
import dev.loyalty.application.privacy.PurgeReport;
import dev.loyalty.application.tier.ReviewProgress;
import dev.loyalty.application.tier.TierReviewJob;
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
 * safe to run on several instances at once: expiry locks each wallet, the purge deletes by age,
 * the tier review's instances share one run and take its batches in turn): points expiry every
 * hour at :07, the posting of due pending points every 5 minutes, the purge of idempotency keys older than 24 h every hour at :37, the tier review
 * every day at 03:17 UTC (standing for 03:00), the retention purge every day at 04:07 UTC. Bean-managed transactions, so that no transaction
 * surrounds a run and each wallet's expiry (each purge batch, each review batch) commits on its
 * own, as ReactionRelay learnt the hard way.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class.getName());

    @Inject
    PointsExpiryJob expiry;

    @Inject
    PendingPointsJob pendingPoints;

    @Inject
    IdempotencyService idempotency;

    @Inject
    TierReviewJob tierReview;

    @Inject
    PurgeExpiredDataUseCase retention;

    @Schedule(hour = "4", minute = "7", persistent = false)
    void purgeExpiredData() {
        try {
            PurgeReport run = retention.purgeScheduled();
            LOG.log(
                    Level.INFO,
                    "Retention purge: {0} prospect events, {1} events, {2} verdicts, {3} message history rows"
                            + " deleted, {4} message texts erased",
                    new Object[] {
                        run.prospectEvents(), run.events(), run.verdicts(), run.messageHistory(), run.messageTexts()
                    });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention purge failed; the next run goes on", e);
        }
    }

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

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void postPendingPoints() {
        try {
            PendingPointsJob.Run run = pendingPoints.run();
            if (run.purchases() > 0 || run.failed() > 0) {
                LOG.log(Level.INFO, "Pending points: {0} points of {1} orders posted, {2} failed", new Object[] {
                    run.points(), run.purchases(), run.failed()
                });
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Posting pending points failed; the next run goes on", e);
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

    @Schedule(hour = "3", minute = "17", persistent = false)
    void reviewTiers() {
        try {
            ReviewProgress run = tierReview.runScheduled();
            LOG.log(
                    Level.INFO,
                    "Tier review as of {0}: {1} customers, {2} up, {3} down, {4} renewed, {5} placed",
                    new Object[] {
                        run.at(), run.customers(), run.upgraded(), run.downgraded(), run.renewed(), run.placed()
                    });
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Tier review failed; it goes on where it stopped when run again for the same instant",
                    e);
        }
    }
}
