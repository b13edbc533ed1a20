package dev.loyalty.adapters.persistence.operations;

import dev.loyalty.adapters.persistence.schema.DatabaseMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Gauges of the service's queues, read from the database (so every instance shows the fleet's
 * queues, not only its own), at most once per {@link #FRESH_FOR} whatever the scrape rate:
 *
 * <ul>
 *   <li>{@code loyalty_outbox_queued}, {@code loyalty_outbox_failed}: messages waiting to be sent,
 *       and the dead letters waiting for an administrator;
 *   <li>{@code loyalty_outbox_lag_seconds}: how long the oldest message due has waited (0 when the
 *       relay keeps up);
 *   <li>{@code loyalty_reactions_backlog}, {@code loyalty_reactions_lag_seconds}: customers'
 *       events whose rules and missions are still to run, and how long the oldest has waited;
 *   <li>{@code loyalty_reactions_parked}: events whose reactions failed too often.
 * </ul>
 *
 * Each is an index range read except the parked count (a scan of the events not waiting). While
 * the database cannot be read, the gauges keep their last reading (readiness says DOWN).
 */
@ApplicationScoped
public class QueueGauges {

    /** How long one reading is shown before the next scrape reads again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(QueueGauges.class.getName());

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private MetricRegistry registry;

    @Inject
    private Clock clock;

    private volatile Reading last = new Reading(0, 0, 0, 0, 0, 0, Instant.EPOCH);

    /** One reading of the queues. */
    record Reading(
            long queued, long failed, double outboxLag, long backlog, double reactionsLag, long parked, Instant at) {}

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("loyalty_outbox_queued", "Messages waiting to be sent", Reading::queued);
        gauge(
                "loyalty_outbox_failed",
                "Dead letters: messages that failed for good, waiting for an administrator",
                Reading::failed);
        gauge("loyalty_outbox_lag_seconds", "How long the oldest message due has waited", Reading::outboxLag);
        gauge(
                "loyalty_reactions_backlog",
                "Customers' events whose rules and missions have not run yet",
                Reading::backlog);
        gauge(
                "loyalty_reactions_lag_seconds",
                "How long the oldest event due for its reactions has waited",
                Reading::reactionsLag);
        gauge(
                "loyalty_reactions_parked",
                "Events whose reactions failed too often, waiting for an administrator",
                Reading::parked);
    }

    private void gauge(String name, String description, ToDoubleFunction<Reading> figure) {
        Metadata metadata =
                Metadata.builder().withName(name).withDescription(description).build();
        registry.gauge(metadata, this, gauges -> figure.applyAsDouble(gauges.reading()));
    }

    /** The last reading if fresh, else a new one (one caller reads; the others show the last). */
    Reading reading() {
        Reading current = last;
        Instant now = clock.instant();
        if (Duration.between(current.at(), now).compareTo(FRESH_FOR) < 0) {
            return current;
        }
        synchronized (this) {
            if (last != current) {
                return last;
            }
            try {
                last = read(now);
            } catch (SQLException e) {
                LOG.log(Level.FINE, "the queues could not be read; the gauges keep the last reading", e);
                last = new Reading(
                        current.queued(),
                        current.failed(),
                        current.outboxLag(),
                        current.backlog(),
                        current.reactionsLag(),
                        current.parked(),
                        now);
            }
            return last;
        }
    }

    private Reading read(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long[] outbox = countAndOldest(
                    connection, "SELECT COUNT(*), MIN(next_attempt_at) FROM message WHERE status = 'QUEUED'");
            long failed = count(connection, "SELECT COUNT(*) FROM message WHERE status = 'FAILED'");
            long[] reactions = countAndOldest(
                    connection,
                    "SELECT COUNT(*), MIN(react_due_at) FROM customer_event WHERE react_due_at IS NOT NULL");
            long parked = count(
                    connection,
                    "SELECT COUNT(*) FROM customer_event WHERE react_due_at IS NULL AND react_error IS NOT NULL");
            return new Reading(
                    outbox[0], failed, lag(outbox[1], now), reactions[0], lag(reactions[1], now), parked, now);
        }
    }

    /** Seconds the oldest due item has waited: 0 when none is due yet. */
    static double lag(long oldestEpochMillis, Instant now) {
        if (oldestEpochMillis == Long.MIN_VALUE) {
            return 0;
        }
        return Math.max(0, now.toEpochMilli() - oldestEpochMillis) / 1000.0;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The count and the oldest instant (epoch millis, {@code Long.MIN_VALUE} when none). */
    private static long[] countAndOldest(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            LocalDateTime oldest = rows.getObject(2, LocalDateTime.class);
            return new long[] {
                rows.getLong(1),
                oldest == null
                        ? Long.MIN_VALUE
                        : oldest.toInstant(ZoneOffset.UTC).toEpochMilli()
            };
        }
    }
}
