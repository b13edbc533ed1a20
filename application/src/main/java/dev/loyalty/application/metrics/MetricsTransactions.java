package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps of the metrics' own work that each commit on their own: a rebuild's claim, batches and
 * end, an import batch's refresh, the claims and recomputations of due customers.
 */
@ApplicationScoped
public class MetricsTransactions {

    private final CustomerMetricsStore store;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected MetricsTransactions() {
        this(null, null);
    }

    @Inject
    public MetricsTransactions(CustomerMetricsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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

    /** Commits the claim at once (a new transaction even inside a caller's): the marks stay free for purchases. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<CustomerId> claimDue(UUID claim, Instant now, Duration lease, Optional<Instant> markedBy, int limit) {
        return store.claimDue(claim, now, lease, markedBy, limit);
    }

    /**
     * The claimed customers recomputed and their marks that still stand deleted, in a transaction of
     * its own. The rows are stamped with the instant after the marks are locked, never before: a
     * stamp says "every purchase committed before it is counted" (a rebuild batch keeps a row
     * stamped later than its own start), and a purchase whose mark this claim took committed before
     * the lock - stamped before the claim, a rebuild batch started in between and reading without
     * that purchase would have won over this recomputation, whose release then drops the mark.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recomputeDue(UUID claim, List<CustomerId> customers, MetricsDefinition definition) {
        store.lockDue(customers);
        store.refresh(customers, Optional.empty(), clock.instant(), definition);
        store.releaseDue(claim);
    }

    /**
     * One due customer claimed, recomputed and released in a transaction of its own: a caller's
     * transaction (a reaction's, holding wallets) never holds the mark a purchase of the customer
     * takes after its wallet.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(UUID claim, CustomerId customer, Instant now, Duration lease, MetricsDefinition definition) {
        settleHere(claim, customer, now, lease, definition);
    }

    /**
     * As {@link #settle}, in the caller's transaction (one of its own when there is none): for a
     * caller that holds the customer's wallet (see {@link CurrentMetrics#settleWithin}).
     */
    @Transactional
    public void settleWithin(
            UUID claim, CustomerId customer, Instant now, Duration lease, MetricsDefinition definition) {
        settleHere(claim, customer, now, lease, definition);
    }

    private void settleHere(
            UUID claim, CustomerId customer, Instant now, Duration lease, MetricsDefinition definition) {
        if (store.claimDue(claim, customer, now, lease)) {
            // stamped after the mark is locked (see recomputeDue)
            store.refresh(List.of(customer), Optional.empty(), clock.instant(), definition);
            store.releaseDue(claim);
        }
    }
}
