package dev.loyalty.adapters.scheduling;

import dev.loyalty.application.metrics.CurrentMetrics;
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
 * Brings the metrics of the customers that purchases marked due up to date, on one thread of this
 * instance (container-managed, so transactions work in it): batches of up to {@code
 * loyalty.metrics.catch-up-batch} customers, each claimed and recomputed set-based, while any are
 * due; otherwise it looks again every {@code loyalty.metrics.catch-up-ms}. Several instances
 * share the work through the claims. A failure (the database is away, a deadlock's victim) waits and
 * goes on: the claim lapses and the customers are taken again. Starts once the schema is migrated.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class MetricsCatchUp {

    private static final Logger LOG = Logger.getLogger(MetricsCatchUp.class.getName());
    private static final long FAILURE_PAUSE_MS = 2_000;

    /** Batches in a row before the thread sleeps its poll interval anyway. */
    static final int BATCHES_PER_TURN = 50;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    CurrentMetrics metrics;

    @Inject
    @ConfigProperty(name = "loyalty.metrics.catch-up-batch", defaultValue = "200")
    int batch;

    @Inject
    @ConfigProperty(name = "loyalty.metrics.catch-up-ms", defaultValue = "100")
    long pollMs;

    private final WorkerThreads running = new WorkerThreads();

    @PostConstruct
    void start() {
        if (batch < 1 || pollMs < 1) {
            throw new IllegalStateException("LOYALTY_METRICS_CATCH_UP_BATCH and LOYALTY_METRICS_CATCH_UP_MS must be"
                    + " at least 1 (are " + batch + ", " + pollMs + ")");
        }
        running.start(
                threads,
                "metrics-catch-up",
                1,
                new WorkerLoop("Metrics catch-up", pollMs, FAILURE_PAUSE_MS, BATCHES_PER_TURN, LOG),
                i -> () -> metrics.catchUp(batch));
    }

    @PreDestroy
    void stop() {
        running.stop();
    }
}
