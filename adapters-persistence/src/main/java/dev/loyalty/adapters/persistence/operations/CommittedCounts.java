package dev.loyalty.adapters.persistence.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counters that move only when the change they count is committed: a purchase rolled back (a
 * race lost, a coupon refused) counts nothing. What a transaction adds is kept with the
 * transaction and added to the registry's counters after its commit; outside a transaction at
 * once. Counters are per instance, as Prometheus expects (it sums the fleet).
 */
@ApplicationScoped
public class CommittedCounts {

    private static final Object KEY = new Object();

    private static final Logger LOG = Logger.getLogger(CommittedCounts.class.getName());

    /** Each counter's name and help text, built once. */
    private static final Map<String, Metadata> METADATA = Map.of(
            "loyalty_points",
            Metadata.builder()
                    .withName("loyalty_points")
                    .withDescription("Points moved by committed ledger entries, by entry type"
                            + " (EARN, BURN, EXPIRE, REVERSE, ADJUST)")
                    .build(),
            "loyalty_domain_events",
            Metadata.builder()
                    .withName("loyalty_domain_events")
                    .withDescription("Committed domain events, by type")
                    .build());

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private MetricRegistry registry;

    /** One counter of the registry: its name and its one tag. */
    private record Counter(String name, String tag, String value) {}

    /**
     * Adds to a counter once the caller's transaction commits.
     *
     * @param name the counter's name
     * @param tag its tag's name
     * @param value its tag's value
     * @param amount how much to add; nothing when not positive
     */
    public void add(String name, String tag, String value, long amount) {
        if (amount <= 0) {
            return;
        }
        Counter counter = new Counter(name, tag, value);
        try {
            if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                increment(counter, amount);
                return;
            }
            pending().merge(counter, amount, Long::sum);
        } catch (RuntimeException e) {
            // a figure missed is better than a purchase refused
            LOG.log(Level.WARNING, "a counter could not be kept: " + name, e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Counter, Long> pending() {
        Map<Counter, Long> pending = (Map<Counter, Long>) transactions.getResource(KEY);
        if (pending == null) {
            Map<Counter, Long> created = new HashMap<>();
            transactions.putResource(KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // counted after the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        created.forEach(CommittedCounts.this::increment);
                    }
                }
            });
            pending = created;
        }
        return pending;
    }

    private void increment(Counter counter, long amount) {
        try {
            Metadata metadata = METADATA.get(counter.name());
            Tag tag = new Tag(counter.tag(), counter.value());
            (metadata == null ? registry.counter(counter.name(), tag) : registry.counter(metadata, tag)).inc(amount);
        } catch (RuntimeException e) {
            // after the commit: the change stands, only its figure is lost
            LOG.log(Level.WARNING, "a counter could not be kept: " + counter.name(), e);
        }
    }
}
