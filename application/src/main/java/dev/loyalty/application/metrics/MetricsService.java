package dev.loyalty.application.metrics;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the metrics current and rebuilds them. Live: a purchase or reversal marks its customer due
 * in its own transaction (one upsert; the recomputation is no part of the purchase's cost), and
 * each instance's worker recomputes the due customers set-based in batches just after they commit
 * ({@link #catchUp}); a read that needs them current brings them up to date first: a profile its
 * customer, a segment's evaluation or a campaign run every customer marked before it ({@link
 * #settle()}); an import's batches mark their customers due too, held by the import until it ends
 * (neither the worker nor {@link #settle()} takes them meanwhile: each is recomputed once, after
 * the import, rather than after every batch naming it); an event with an engagement
 * weight adds it to the customer's engagement (the rebuild takes off what left the window). Rebuild: the cluster's lease is taken (one rebuild
 * at a time; the nightly one once per night however many instances fire it), the active customers'
 * RFM cut points computed, then every customer rebuilt in batches of {@value #BATCH} (one
 * transaction each, so that a purchase never waits long for a rebuild), then the cut points saved.
 */
@ApplicationScoped
public class MetricsService implements LiveMetrics, CurrentMetrics, CustomerProfileQuery, RebuildMetricsUseCase {

    /** Customers per rebuild batch (one transaction). */
    static final int BATCH = 5_000;

    /** How long a rebuild holds the lease without renewing it (each batch renews it). */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** How long a claim on due customers holds before another worker may take them over. */
    static final Duration DUE_LEASE = Duration.ofMinutes(1);

    /** Customers per recomputation of due customers (one transaction) when settling before a read. */
    static final int DUE_BATCH = 200;

    /** At most this many batches per {@link #settle()} (bounded: 2 million customers). */
    static final int MAX_SETTLE_ROUNDS = 10_000;

    /** The most SKUs a profile lists. */
    public static final int LAST_PURCHASES = 50;

    private static final Logger LOG = Logger.getLogger(MetricsService.class.getName());
    private static final String ADMIN_ONLY = "the customer profile is the console's";

    private final CustomerMetricsStore store;
    private final MetricsTransactions transactions;
    private final MetricsSettings settings;
    private final Customers customers;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected MetricsService() {
        this(null, null, null, null, null);
    }

    @Inject
    public MetricsService(
            CustomerMetricsStore store,
            MetricsTransactions transactions,
            MetricsSettings settings,
            Customers customers,
            Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.settings = settings;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public void afterPurchase(CustomerId customer, PurchaseId purchase) {
        if (settings.live()) {
            store.markDue(customer, clock.instant());
        }
    }

    @Override
    public int catchUp(int limit) {
        UUID claim = UUID.randomUUID();
        Instant now = clock.instant();
        List<CustomerId> due = transactions.claimDue(claim, now, DUE_LEASE, Optional.empty(), limit);
        if (!due.isEmpty()) {
            transactions.recomputeDue(claim, due, settings.definition());
        }
        return due.size();
    }

    @Override
    public void settle() {
        Instant by = clock.instant();
        UUID claim = UUID.randomUUID();
        for (int round = 0; round < MAX_SETTLE_ROUNDS; round++) {
            Instant now = clock.instant();
            List<CustomerId> due = transactions.claimDue(claim, now, DUE_LEASE, Optional.of(by), DUE_BATCH);
            if (due.isEmpty()) {
                return;
            }
            transactions.recomputeDue(claim, due, settings.definition());
        }
        LOG.warning(() -> "Metrics: still customers due after " + MAX_SETTLE_ROUNDS + " batches; read as they are");
    }

    @Override
    public void settle(CustomerId customer) {
        transactions.settle(UUID.randomUUID(), customer, clock.instant(), DUE_LEASE, settings.definition());
    }

    @Override
    public void settleWithin(CustomerId customer) {
        transactions.settleWithin(UUID.randomUUID(), customer, clock.instant(), DUE_LEASE, settings.definition());
    }

    /**
     * Each event of a weighted type that happened within the window adds its weight to its
     * customer's engagement, all in one go; no recomputation over the customer's events (a cost
     * that grew with their history). The nightly rebuild recomputes the score over the window, so
     * what left the window since is taken off then.
     */
    @Override
    public void afterEvents(List<TakenEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        MetricsDefinition definition = settings.definition();
        Instant now = clock.instant();
        Instant windowStart = definition.windowStart(now);
        List<EngagementGain> gains = new java.util.ArrayList<>();
        for (TakenEvent event : events) {
            Optional<Integer> weight = definition.weights().weightOf(event.type());
            if (weight.isPresent() && !event.occurredAt().isBefore(windowStart)) {
                gains.add(new EngagementGain(event.customer(), weight.get(), event.messageId()));
            }
        }
        if (!gains.isEmpty()) {
            store.addEngagement(gains, now);
        }
    }

    /** A prospect's events became the customer's: the engagement recomputed over them, once. */
    @Override
    public void afterEventsAttached(CustomerId customer) {
        MetricsDefinition definition = settings.definition();
        if (!definition.weights().weights().isEmpty()) {
            store.refreshEngagement(customer, clock.instant(), definition);
        }
    }

    @Override
    public CustomerProfile profile(CustomerId customer, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        if (!customers.exists(customer)) {
            throw new CustomerNotFoundException(customer);
        }
        return read(customer);
    }

    @Override
    public CustomerProfile myProfile(Actor actor) {
        CustomerId self = actor.customerId()
                .orElseThrow(
                        () -> new AccessDeniedException("a customer's own profile is read with a customer's token"));
        if (!customers.exists(self)) {
            throw new CustomerNotFoundException(self);
        }
        return read(self);
    }

    private CustomerProfile read(CustomerId customer) {
        try {
            settle(customer);
        } catch (RuntimeException e) {
            // the stored figures are served; the worker recomputes the customer
            LOG.log(Level.WARNING, "Metrics of customer " + customer + " not brought up to date before a read", e);
        }
        Instant now = clock.instant();
        Optional<CustomerMetrics> metrics = store.metrics(customer);
        Optional<Long> recency = metrics.flatMap(CustomerMetrics::lastPurchaseAt)
                .map(last -> Math.max(0, Duration.between(last, now).toDays()));
        return new CustomerProfile(
                customer,
                metrics,
                recency,
                store.categories(customer),
                store.lastPurchases(customer, LAST_PURCHASES),
                settings.definition().windowMonths());
    }

    @Override
    public RebuildOutcome rebuild(Actor actor) {
        actor.requireAdmin("rebuilding the metrics is the console's");
        return run(Optional.empty()).orElseThrow(MetricsRebuildRunningException::new);
    }

    @Override
    public Optional<RebuildOutcome> rebuildScheduled() {
        Instant now = clock.instant();
        Instant slot = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .atTime(settings.rebuildAt())
                .toInstant(ZoneOffset.UTC);
        if (slot.isAfter(now)) {
            slot = slot.minus(Duration.ofDays(1));
        }
        return run(Optional.of(slot));
    }

    private Optional<RebuildOutcome> run(Optional<Instant> notRebuiltSince) {
        Instant start = clock.instant();
        MetricsDefinition definition = settings.definition();
        if (!transactions.claim(start, notRebuiltSince, LEASE)) {
            return Optional.empty();
        }
        try {
            ActivePopulation population = transactions.population(start, definition);
            Optional<String> last = Optional.empty();
            do {
                last = transactions.batch(start, last, BATCH, population.cuts(), definition, LEASE);
            } while (last.isPresent());
            long duration = Duration.between(start, clock.instant()).toMillis();
            RebuildOutcome outcome =
                    new RebuildOutcome(start, population.activeCustomers(), duration, population.cuts());
            transactions.finish(outcome, definition);
            LOG.log(Level.INFO, "Metrics rebuilt as of {0}: {1} active customers in {2} ms", new Object[] {
                start, population.activeCustomers(), duration
            });
            return Optional.of(outcome);
        } catch (RuntimeException e) {
            try {
                transactions.abandon(start);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }
}
