package dev.loyalty.application.metrics;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.AccessDeniedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-04T02:30:00Z");
    private static final RfmCuts CUTS =
            new RfmCuts(List.of(1L, 2L, 3L, 4L), List.of(1L, 2L, 3L, 4L), List.of(1L, 2L, 3L, 4L));

    private final List<String> calls = new ArrayList<>();
    private final List<EngagementGain> gains = new ArrayList<>();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private boolean claimable = true;
    private int batchesLeft = 3;
    private Optional<Instant> claimedWith;
    private boolean live = true;
    private final java.util.Deque<List<CustomerId>> due = new java.util.ArrayDeque<>();
    private final List<Optional<Instant>> claimedBy = new ArrayList<>();

    private final CustomerMetricsStore store = new CustomerMetricsStore() {
        @Override
        public void refresh(
                Collection<CustomerId> ids, Optional<PurchaseId> purchase, Instant now, MetricsDefinition definition) {
            calls.add("refresh " + ids.size() + (purchase.isPresent() ? " purchase" : " all"));
        }

        @Override
        public void markDue(CustomerId customer, Instant now) {
            calls.add("due");
        }

        @Override
        public List<CustomerId> claimDue(
                java.util.UUID claim, Instant now, Duration lease, Optional<Instant> markedBy, int limit) {
            claimedBy.add(markedBy);
            calls.add("claim due");
            return due.isEmpty() ? List.of() : due.pop();
        }

        @Override
        public boolean claimDue(java.util.UUID claim, CustomerId customer, Instant now, Duration lease) {
            calls.add("claim " + (customer.equals(dueOne) ? "due" : "not due"));
            return customer.equals(dueOne);
        }

        @Override
        public void lockDue(Collection<CustomerId> ids) {
            calls.add("lock " + ids.size());
        }

        @Override
        public void releaseDue(java.util.UUID claim) {
            calls.add("release");
        }

        @Override
        public void refreshEngagement(CustomerId customer, Instant now, MetricsDefinition definition) {
            calls.add("engagement recomputed");
        }

        @Override
        public void addEngagement(List<EngagementGain> added, Instant now) {
            calls.add("engagement added");
            gains.addAll(added);
        }

        @Override
        public boolean claimRebuild(Instant now, Optional<Instant> notRebuiltSince, Duration lease) {
            claimedWith = notRebuiltSince;
            calls.add("claim");
            return claimable;
        }

        @Override
        public ActivePopulation population(Instant now, MetricsDefinition definition) {
            calls.add("population");
            return new ActivePopulation(42, CUTS);
        }

        @Override
        public Optional<String> rebuildBatch(
                Instant start,
                Optional<String> after,
                int size,
                RfmCuts cuts,
                MetricsDefinition definition,
                Duration lease) {
            calls.add("batch after " + after.orElse("-"));
            return batchesLeft-- > 0 ? Optional.of("c" + batchesLeft) : Optional.empty();
        }

        @Override
        public void finishRebuild(RebuildOutcome outcome, MetricsDefinition definition) {
            calls.add(
                    "finish " + outcome.activeCustomers() + " " + outcome.cuts().equals(CUTS));
        }

        @Override
        public void abandonRebuild(Instant start) {
            calls.add("abandon");
        }

        @Override
        public Optional<CustomerMetrics> metrics(CustomerId customer) {
            return Optional.empty();
        }

        @Override
        public List<CategoryMetric> categories(CustomerId customer) {
            return List.of();
        }

        @Override
        public List<SkuPurchase> lastPurchases(CustomerId customer, int limit) {
            return List.of();
        }
    };

    private CustomerId dueOne;

    private final MetricsSettings settings = new MetricsSettings() {
        @Override
        public MetricsDefinition definition() {
            return new MetricsDefinition(12, EngagementWeights.parse(EngagementWeights.DEFAULT));
        }

        @Override
        public boolean live() {
            return live;
        }

        @Override
        public LocalTime rebuildAt() {
            return LocalTime.of(3, 0);
        }
    };

    private MetricsService service(Instant now) {
        return new MetricsService(
                store,
                new MetricsTransactions(store, Clock.fixed(now, ZoneOffset.UTC)),
                settings,
                customers,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aPurchaseMarksItsCustomerDueUnlessLiveUpdatesAreOff() {
        CustomerId customer = CustomerId.newId();
        service(NOW).afterPurchase(customer, PurchaseId.newId());
        live = false;
        service(NOW).afterPurchase(customer, PurchaseId.newId());

        assertThat(calls).containsExactly("due");
    }

    @Test
    void theWorkerRecomputesWhatItClaimedAndReleasesIt() {
        due.add(List.of(CustomerId.newId(), CustomerId.newId()));

        assertThat(service(NOW).catchUp(200)).isEqualTo(2);
        assertThat(service(NOW).catchUp(200)).isZero();
        assertThat(calls).containsExactly("claim due", "lock 2", "refresh 2 all", "release", "claim due");
        assertThat(claimedBy).containsOnly(Optional.empty());
    }

    @Test
    void settlingRecomputesEveryBatchMarkedBeforeIt() {
        due.add(List.of(CustomerId.newId()));
        due.add(List.of(CustomerId.newId(), CustomerId.newId(), CustomerId.newId()));

        service(NOW).settle();

        assertThat(calls)
                .containsExactly(
                        "claim due",
                        "lock 1",
                        "refresh 1 all",
                        "release",
                        "claim due",
                        "lock 3",
                        "refresh 3 all",
                        "release",
                        "claim due");
        assertThat(claimedBy).containsOnly(Optional.of(NOW));
    }

    @Test
    void aProfileOfADueCustomerIsRecomputedBeforeItIsRead() {
        Customer known = aCustomer().build();
        customers.add(known);
        Customer other = aCustomer().build();
        customers.add(other);
        dueOne = known.id();

        service(NOW).profile(known.id(), Actor.admin("console"));
        service(NOW).profile(other.id(), Actor.admin("console"));

        assertThat(calls).containsExactly("claim due", "refresh 1 all", "release", "claim not due");
    }

    @Test
    void aWeightedEventWithinTheWindowAddsItsWeightAndNothingIsRecomputed() {
        CustomerId customer = CustomerId.newId();
        service(NOW).afterEvent(event(customer, "EMAIL_CLICKED", NOW.minusSeconds(5), Optional.empty()));
        service(NOW).afterEvent(event(customer, "PAGE_VIEWED", NOW, Optional.empty()));

        assertThat(calls).containsExactly("engagement added");
        assertThat(gains).containsExactly(new EngagementGain(customer, 3, Optional.empty()));
    }

    @Test
    void aBatchAddsEachWeightedEventOnceInOneGoWithTheMessageItNames() {
        CustomerId ada = CustomerId.newId();
        CustomerId bruno = CustomerId.newId();
        service(NOW)
                .afterEvents(List.of(
                        event(ada, "EMAIL_OPENED", NOW, Optional.of("m-1")),
                        event(bruno, "PRODUCT_RETURNED", NOW, Optional.empty()),
                        event(ada, "EMAIL_OPENED", NOW, Optional.empty()),
                        event(ada, "NEWSLETTER_SUBSCRIBED", NOW, Optional.empty())));

        assertThat(calls).containsExactly("engagement added");
        assertThat(gains)
                .containsExactly(
                        new EngagementGain(ada, 1, Optional.of("m-1")),
                        new EngagementGain(bruno, -5, Optional.empty()),
                        new EngagementGain(ada, 1, Optional.empty()));
    }

    @Test
    void anEventThatHappenedBeforeTheWindowWeighsNothing() {
        CustomerId customer = CustomerId.newId();
        // the window: 12 calendar months back from NOW
        Instant windowStart = Instant.parse("2025-12-04T02:30:00Z");
        service(NOW).afterEvent(event(customer, "EMAIL_CLICKED", windowStart.minusNanos(1_000), Optional.empty()));
        assertThat(calls).isEmpty();

        service(NOW).afterEvent(event(customer, "EMAIL_CLICKED", windowStart, Optional.empty()));
        assertThat(gains).containsExactly(new EngagementGain(customer, 3, Optional.empty()));
    }

    private static TakenEvent event(CustomerId customer, String type, Instant at, Optional<String> message) {
        return new TakenEvent(customer, type, at, message);
    }

    @Test
    void theNightlyRunStandsForTheLastScheduledTimeSoThatALateInstanceSkipsIt() {
        service(NOW).rebuildScheduled();
        assertThat(claimedWith).contains(Instant.parse("2026-12-03T03:00:00Z"));

        service(Instant.parse("2026-12-04T03:00:02Z")).rebuildScheduled();
        assertThat(claimedWith).contains(Instant.parse("2026-12-04T03:00:00Z"));
    }

    @Test
    void aRebuildGoesThroughEveryBatchThenSavesTheCutPoints() {
        RebuildOutcome outcome = service(NOW).rebuild(Actor.admin("console"));

        assertThat(outcome.activeCustomers()).isEqualTo(42);
        assertThat(claimedWith).isEmpty();
        assertThat(calls)
                .containsExactly(
                        "claim",
                        "population",
                        "batch after -",
                        "batch after c2",
                        "batch after c1",
                        "batch after c0",
                        "finish 42 true");
    }

    @Test
    void aRebuildWhileAnotherRunsIsRefusedAndTheNightlyOneSkipped() {
        claimable = false;

        assertThatThrownBy(() -> service(NOW).rebuild(Actor.admin("console")))
                .isInstanceOf(MetricsRebuildRunningException.class);
        assertThat(service(NOW).rebuildScheduled()).isEmpty();
        assertThat(calls).containsExactly("claim", "claim");
    }

    @Test
    void theProfileIsTheConsolesAndAnUnknownCustomerIsNotFound() {
        Customer known = aCustomer().build();
        customers.add(known);

        assertThat(service(NOW).profile(known.id(), Actor.admin("console")).metrics())
                .isEmpty();
        assertThatThrownBy(() -> service(NOW).profile(known.id(), Actor.customer(known.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service(NOW).rebuild(Actor.terminal("till", "MI-001")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service(NOW).profile(CustomerId.newId(), Actor.admin("console")))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThat(service(NOW).myProfile(Actor.customer(known.id())).customerId())
                .isEqualTo(known.id());
        assertThatThrownBy(() -> service(NOW).myProfile(Actor.admin("console")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
