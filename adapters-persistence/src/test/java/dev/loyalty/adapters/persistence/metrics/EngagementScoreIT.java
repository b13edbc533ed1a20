package dev.loyalty.adapters.persistence.metrics;

import static dev.loyalty.adapters.persistence.TestDatabase.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.activity.JpaActivityLog;
import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.application.metrics.EngagementGain;
import dev.loyalty.application.metrics.EngagementWeights;
import dev.loyalty.application.metrics.MetricsDefinition;
import dev.loyalty.application.metrics.RfmCuts;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The engagement score kept by addition, against MariaDB: each weighted event taken in adds its
 * weight in the intake's transaction ({@link SqlCustomerMetrics#addEngagement}), and the rebuild
 * recomputes the score over the window. Racing events of one customer, from real threads and while
 * rebuilds of that customer run, each count exactly once; an event about a suppressed message never
 * counts; an event that left the window drops at the rebuild.
 */
class EngagementScoreIT {

    private static final EngagementWeights WEIGHTS = EngagementWeights.parse(EngagementWeights.DEFAULT);
    private static final MetricsDefinition YEAR = new MetricsDefinition(12, WEIGHTS);
    private static final MetricsDefinition MONTH = new MetricsDefinition(1, WEIGHTS);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final List<String> TYPES =
            List.of("EMAIL_OPENED", "EMAIL_CLICKED", "PRODUCT_RETURNED", "APP_OPENED");

    @Test
    void racingEventsOfOneCustomerEachAddTheirWeightOnceWhileRebuildsOfThatCustomerRun() throws Exception {
        CustomerId ada = enrolled();
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CyclicBarrier together = new CyclicBarrier(threads + 1);
        AtomicBoolean intakeDone = new AtomicBoolean();
        List<Future<Integer>> intake = new ArrayList<>();
        try {
            Future<Integer> rebuilds = pool.submit(() -> {
                together.await();
                int runs = 0;
                while (!intakeDone.get() && runs < 200) {
                    rebuild(ada, YEAR);
                    runs++;
                }
                return runs;
            });
            for (int t = 0; t < threads; t++) {
                int thread = t;
                intake.add(pool.submit(() -> {
                    together.await();
                    int added = 0;
                    for (int i = 0; i < perThread; i++) {
                        String type = TYPES.get((thread + i) % TYPES.size());
                        int weight = WEIGHTS.weightOf(type).orElseThrow();
                        take(ada, type, TestDatabase.CLOCK.instant(), Optional.empty(), weight);
                        added += weight;
                    }
                    return added;
                }));
            }
            int expected = 0;
            for (Future<Integer> thread : intake) {
                expected += thread.get(3, TimeUnit.MINUTES);
            }
            intakeDone.set(true);
            assertThat(rebuilds.get(3, TimeUnit.MINUTES)).isPositive();

            assertThat(engagement(ada)).isEqualTo(expected);
            rebuild(ada, YEAR);
            assertThat(engagement(ada)).as("the rebuild's recomputation agrees").isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEventAboutASuppressedMessageAddsNothingInABatchAsAlone() {
        CustomerId ada = enrolled();
        CustomerId bruno = enrolled();
        String suppressed = message(ada, "SUPPRESSED");
        String sent = message(ada, "SENT");
        Instant now = TestDatabase.CLOCK.instant();

        take(ada, "EMAIL_OPENED", now, Optional.of(suppressed), 1);
        assertThat(engagement(ada)).isZero();

        inTransaction(em -> {
            JpaActivityLog log = new JpaActivityLog(em);
            List<EngagementGain> gains = new ArrayList<>();
            gains.add(appended(log, ada, "EMAIL_CLICKED", now, Optional.of(suppressed), 3));
            // named in capitals: the same message for the database
            gains.add(appended(log, ada, "EMAIL_OPENED", now, Optional.of(suppressed.toUpperCase(Locale.ROOT)), 1));
            gains.add(appended(log, bruno, "EMAIL_CLICKED", now, Optional.empty(), 3));
            gains.add(appended(log, ada, "EMAIL_CLICKED", now, Optional.of(sent), 3));
            gains.add(appended(log, ada, "EMAIL_OPENED", now, Optional.empty(), 1));
            gains.add(appended(log, bruno, "PRODUCT_RETURNED", now, Optional.empty(), -5));
            new SqlCustomerMetrics(em).addEngagement(gains, now);
            return null;
        });

        assertThat(engagement(ada)).isEqualTo(3 + 1);
        assertThat(engagement(bruno)).isEqualTo(3 - 5);
        rebuild(ada, YEAR);
        rebuild(bruno, YEAR);
        assertThat(engagement(ada)).isEqualTo(3 + 1);
        assertThat(engagement(bruno)).isEqualTo(3 - 5);
    }

    @Test
    void anEventThatLeftTheWindowDropsAtTheRebuild() {
        CustomerId ada = enrolled();
        Instant now = TestDatabase.CLOCK.instant();
        take(ada, "EMAIL_CLICKED", now.minus(Duration.ofDays(40)), Optional.empty(), 3);
        take(ada, "EMAIL_OPENED", now.minusSeconds(5), Optional.empty(), 1);
        assertThat(engagement(ada)).isEqualTo(4);

        rebuild(ada, YEAR);
        assertThat(engagement(ada)).as("both within a year").isEqualTo(4);
        rebuild(ada, MONTH);
        assertThat(engagement(ada))
                .as("the click, 40 days old, is out of a month's window")
                .isEqualTo(1);
    }

    private static CustomerId enrolled() {
        Customer customer = CustomerFixtures.aCustomer().build();
        inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer.id();
    }

    /** The intake's transaction: the event kept, its weight added. */
    private static void take(CustomerId customer, String type, Instant at, Optional<String> message, int weight) {
        inTransaction(em -> {
            EngagementGain gain = appended(new JpaActivityLog(em), customer, type, at, message, weight);
            new SqlCustomerMetrics(em).addEngagement(List.of(gain), TestDatabase.CLOCK.instant());
            return null;
        });
    }

    private static EngagementGain appended(
            JpaActivityLog log, CustomerId customer, String type, Instant at, Optional<String> message, int weight) {
        Map<String, Object> attributes =
                message.<Map<String, Object>>map(m -> Map.of("messageId", m)).orElse(Map.of());
        boolean kept = log.append(new RecordedActivity(
                "eng-" + UUID.randomUUID(),
                EventType.parse(type, "type"),
                EventSource.INTEGRATION,
                Optional.of(customer),
                Optional.empty(),
                Optional.empty(),
                null,
                at,
                TestDatabase.CLOCK.instant(),
                attributes));
        assertThat(kept).isTrue();
        return new EngagementGain(customer, weight, message);
    }

    /** One rebuild batch of exactly this customer, under the rebuild's lease. */
    private static void rebuild(CustomerId customer, MetricsDefinition definition) {
        // a lease another test class left held (this class's rebuilds each release theirs)
        TestDatabase.sql("UPDATE metrics_rebuild SET running_until = NULL WHERE programme = 'default'");
        Instant start = TestDatabase.CLOCK.instant();
        boolean claimed = inTransaction(em -> new SqlCustomerMetrics(em).claimRebuild(start, Optional.empty(), LEASE));
        assertThat(claimed).as("the rebuild's lease").isTrue();
        try {
            inTransaction(em -> {
                Object before = em.createNativeQuery("SELECT MAX(id) FROM customer WHERE id < ?")
                        .setParameter(1, customer.toString())
                        .getSingleResult();
                new SqlCustomerMetrics(em)
                        .rebuildBatch(start, Optional.ofNullable((String) before), 1, RfmCuts.NONE, definition, LEASE);
                return null;
            });
        } finally {
            inTransaction(em -> {
                new SqlCustomerMetrics(em).abandonRebuild(start);
                return null;
            });
        }
    }

    private static long engagement(CustomerId customer) {
        return inTransaction(em -> ((Number) em.createNativeQuery(
                                "SELECT COALESCE(MAX(engagement), 0) FROM customer_metrics WHERE customer_id = ?")
                        .setParameter(1, customer.toString())
                        .getSingleResult())
                .longValue());
    }

    private static String message(CustomerId customer, String status) {
        String id = UUID.randomUUID().toString();
        TestDatabase.sql(
                """
                INSERT INTO message (id, customer_id, cause, kind, priority, template, template_values, status, reason,
                    attempts, leases, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, ?, 'MARKETING', 0, 'x', '{}', ?, NULL, 0, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6),
                    UTC_TIMESTAMP(6))""",
                id,
                customer.toString(),
                "test:" + id,
                status);
        return id;
    }
}
