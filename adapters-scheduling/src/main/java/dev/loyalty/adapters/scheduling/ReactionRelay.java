package dev.loyalty.adapters.scheduling;

import dev.loyalty.application.event.ReactionJob;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every second, reacts to the customer events due (rules, missions, referrals), each event in its
 * own transaction. A tick that finds the previous one still draining leaves it alone; several
 * instances drain side by side (each event is claimed with SKIP LOCKED). {@code
 * LOYALTY_REACTIONS_ENABLED=false} stops reacting in this instance (events wait, nothing is lost).
 *
 * <p>Bean-managed transactions, so that the container starts none around a tick: Payara does not
 * apply a class-level {@code @TransactionAttribute(NOT_SUPPORTED)} to a {@code @Schedule} method,
 * and ran each tick (up to 2000 events) in one transaction that every reaction joined.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class ReactionRelay {

    private static final Logger LOG = Logger.getLogger(ReactionRelay.class.getName());

    /** At most this many batches per tick, so a backlog is drained in bounded steps. */
    static final int BATCHES_PER_TICK = 10;

    private final AtomicBoolean draining = new AtomicBoolean();

    @Inject
    ReactionJob job;

    @Inject
    @ConfigProperty(name = "loyalty.reactions.enabled", defaultValue = "true")
    boolean enabled;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        if (!enabled || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            int reacted = job.drain(BATCHES_PER_TICK);
            if (reacted > 0) {
                LOG.log(Level.FINE, "Reacted to {0} events", reacted);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reactions failed; the next tick goes on", e);
        } finally {
            draining.set(false);
        }
    }
}
