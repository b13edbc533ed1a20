package dev.loyalty.adapters.scheduling;

import dev.loyalty.application.event.ReactionJob;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reacts to the customer events due (rules, missions, referrals) on {@code
 * loyalty.reactions.workers} threads of this instance (container-managed, so transactions work in
 * them). Each worker takes the events of its share of the customers and judges them in
 * transactions of up to {@code loyalty.reactions.batch} events; it goes on at once after a call that
 * filled a transaction and otherwise looks again after {@code loyalty.reactions.poll-ms}. Several instances drain side by
 * side: each event is claimed with SKIP LOCKED, and only once its customer's older events are done,
 * so each customer's events are reacted to once and in order. {@code
 * LOYALTY_REACTIONS_ENABLED=false} starts no worker (events wait, nothing is lost). A worker that
 * fails (the database is away) waits and goes on. They start once the schema is migrated.
 *
 * <p>Bean-managed transactions, so that the container starts none around the start-up: each batch
 * commits on its own ({@link dev.loyalty.application.event.Reactions}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class ReactionRelay {

    private static final Logger LOG = Logger.getLogger(ReactionRelay.class.getName());
    private static final long FAILURE_PAUSE_MS = 5_000;

    /** Rounds of up to 200 due events per call, so a backlog is drained in bounded steps. */
    static final int ROUNDS_PER_CALL = 10;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ReactionJob job;

    @Inject
    @ConfigProperty(name = "loyalty.reactions.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "loyalty.reactions.workers", defaultValue = "8")
    int workers;

    @Inject
    @ConfigProperty(name = "loyalty.reactions.batch", defaultValue = "50")
    int batch;

    @Inject
    @ConfigProperty(name = "loyalty.reactions.poll-ms", defaultValue = "250")
    long pollMs;

    private final WorkerThreads running = new WorkerThreads();

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("Reactions: disabled on this instance (LOYALTY_REACTIONS_ENABLED=false)");
            return;
        }
        if (workers < 1 || batch < 1 || pollMs < 1) {
            throw new IllegalStateException("LOYALTY_REACTIONS_WORKERS, LOYALTY_REACTIONS_BATCH and"
                    + " LOYALTY_REACTIONS_POLL_MS must be at least 1 (are " + workers + ", " + batch + ", " + pollMs
                    + ")");
        }
        running.start(
                threads,
                "reactions",
                workers,
                // a call that did not fill one transaction waits the poll: under a steady intake the
                // events gather into fuller batches instead of one transaction (and its dozen
                // statements) per event or two
                WorkerLoop.gathering("Reactions", pollMs, FAILURE_PAUSE_MS, batch, LOG),
                share -> () -> job.drain(share, workers, batch, ROUNDS_PER_CALL));
        LOG.info(() -> "Reactions: " + workers + " workers, batches of " + batch + ", polling every " + pollMs + " ms");
    }

    @PreDestroy
    void stop() {
        running.stop();
    }
}
