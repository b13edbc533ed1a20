package dev.loyalty.adapters.scheduling;

import dev.loyalty.application.messaging.MessageRelay;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@code loyalty.messaging.relay.workers} relay threads on this instance (container-managed
 * threads, so transactions work in them). Each one relays batches of
 * {@code loyalty.messaging.relay.batch}, their provider calls side by side on a pool of {@code
 * loyalty.messaging.relay.sends} threads the workers share, while messages are due and otherwise polls every
 * {@code loyalty.messaging.relay.poll-ms}, so a message goes out within about that long after its
 * transaction commits. Every instance runs its own workers; the outbox's claims keep them apart.
 * A worker that fails (the database is away) waits and goes on; it never stops by itself. They
 * start once the schema is migrated (the persistence adapter's start-up bean, named here only).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelayWorkers {

    private static final Logger LOG = Logger.getLogger(RelayWorkers.class.getName());
    private static final long FAILURE_PAUSE_MS = 5_000;
    private static final int MAX_SENDS = 512;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MessageRelay relay;

    @Inject
    @ConfigProperty(name = "loyalty.messaging.relay.workers", defaultValue = "8")
    int workers;

    @Inject
    @ConfigProperty(name = "loyalty.messaging.relay.batch", defaultValue = "20")
    int batch;

    @Inject
    @ConfigProperty(name = "loyalty.messaging.relay.poll-ms", defaultValue = "500")
    long pollMs;

    @Inject
    @ConfigProperty(name = "loyalty.messaging.relay.sends", defaultValue = "32")
    int sends;

    private final WorkerThreads running = new WorkerThreads();

    /** The provider calls in flight on this instance, shared by the workers (container-managed threads). */
    private ExecutorService sending;

    @PostConstruct
    void start() {
        if (sends < 1 || sends > MAX_SENDS) {
            throw new IllegalStateException(
                    "LOYALTY_MESSAGING_RELAY_SENDS must be 1 to " + MAX_SENDS + " (is " + sends + ")");
        }
        sending = new ThreadPoolExecutor(sends, sends, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setName("message-send-" + thread.getId());
            thread.setDaemon(true);
            return thread;
        });
        running.start(
                threads,
                "message-relay",
                Math.max(1, workers),
                new WorkerLoop("Message relay", pollMs, FAILURE_PAUSE_MS, LOG),
                i -> () -> relay.relayOnce(batch, sending));
        LOG.info(() -> "Message relay: " + running.size() + " workers, batches of " + batch + ", up to " + sends
                + " sends in flight, polling every " + pollMs + " ms");
    }

    @PreDestroy
    void stop() {
        running.stop();
        sending.shutdownNow();
    }
}
