package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The steps of the metrics' own work that each commit on their own: a rebuild's claim, batches and end, an import batch's refresh. */
@ApplicationScoped
public class MetricsTransactions {

    private final CustomerMetricsStore store;

    /** For CDI's proxy only. */
    protected MetricsTransactions() {
        this(null);
    }

    @Inject
    public MetricsTransactions(CustomerMetricsStore store) {
        this.store = store;
    }

    @Transactional
    public boolean claim(Instant now, Optional<Instant> notRebuiltSince, Duration lease) {
        return store.claimRebuild(now, notRebuiltSince, lease);
    }

    @Transactional
    public ActivePopulation population(Instant now, MetricsDefinition definition) {
        return store.population(now, definition);
    }

    @Transactional
    public Optional<String> batch(
            Instant start,
            Optional<String> after,
            int size,
            RfmCuts cuts,
            MetricsDefinition definition,
            Duration lease) {
        return store.rebuildBatch(start, after, size, cuts, definition, lease);
    }

    @Transactional
    public void finish(RebuildOutcome outcome, MetricsDefinition definition) {
        store.finishRebuild(outcome, definition);
    }

    @Transactional
    public void abandon(Instant start) {
        store.abandonRebuild(start);
    }

    @Transactional
    public void refresh(Set<CustomerId> customers, Instant now, MetricsDefinition definition) {
        store.refresh(customers, Optional.empty(), now, definition);
    }
}
