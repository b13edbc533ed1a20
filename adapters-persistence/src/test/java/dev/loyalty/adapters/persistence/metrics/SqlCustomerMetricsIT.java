package dev.loyalty.adapters.persistence.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.application.metrics.EngagementWeights;
import dev.loyalty.application.metrics.MetricsDefinition;
import dev.loyalty.application.metrics.RebuildOutcome;
import dev.loyalty.application.metrics.RfmCuts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The rebuild's lease on MariaDB: instances that fire the nightly rebuild together - each in its
 * own transaction - get it once; one that fires after it finished skips the night; an on-demand
 * rebuild runs whenever none is running.
 */
class SqlCustomerMetricsIT {

    private static final MetricsDefinition DEFINITION =
            new MetricsDefinition(12, EngagementWeights.parse(EngagementWeights.DEFAULT));

    @Test
    void instancesFiringTogetherRebuildOnceAndALaterOneSkipsTheNight() throws Exception {
        TestDatabase.inTransaction(
                em -> em.createNativeQuery("UPDATE metrics_rebuild SET rebuilt_at = '1970-01-01', started_at = NULL,"
                                + " running_until = NULL")
                        .executeUpdate());
        Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        int instances = 6;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<Optional<Instant>>> claims = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            Instant start = Instant.now().plusMillis(i).truncatedTo(ChronoUnit.MILLIS);
            claims.add(pool.submit(() -> {
                together.await();
                boolean won = TestDatabase.inTransaction(em ->
                        new SqlCustomerMetrics(em).claimRebuild(start, Optional.of(slot), Duration.ofMinutes(10)));
                return won ? Optional.of(start) : Optional.empty();
            }));
        }
        List<Instant> winners = new ArrayList<>();
        for (Future<Optional<Instant>> claim : claims) {
            claim.get().ifPresent(winners::add);
        }
        pool.shutdown();

        assertThat(winners).hasSize(1);
        Instant started = winners.get(0);
        TestDatabase.inTransaction(em -> {
            new SqlCustomerMetrics(em).finishRebuild(new RebuildOutcome(started, 0, 5, RfmCuts.NONE), DEFINITION);
            return null;
        });
        boolean late = TestDatabase.inTransaction(em ->
                new SqlCustomerMetrics(em).claimRebuild(Instant.now(), Optional.of(slot), Duration.ofMinutes(10)));
        assertThat(late)
                .as("an instance firing after the night's rebuild finished")
                .isFalse();

        Instant onDemand = Instant.now().plusSeconds(1);
        boolean first = claim(onDemand);
        boolean whileRunning = claim(onDemand.plusSeconds(1));
        TestDatabase.inTransaction(em -> {
            new SqlCustomerMetrics(em).abandonRebuild(onDemand);
            return null;
        });
        boolean afterGivingUp = claim(onDemand.plusSeconds(2));

        assertThat(first).isTrue();
        assertThat(whileRunning).as("while it runs").isFalse();
        assertThat(afterGivingUp).as("after it was given up").isTrue();
    }

    /** An on-demand claim in a transaction of its own. */
    private static boolean claim(Instant now) {
        return TestDatabase.inTransaction(
                em -> new SqlCustomerMetrics(em).claimRebuild(now, Optional.empty(), Duration.ofMinutes(10)));
    }
}
