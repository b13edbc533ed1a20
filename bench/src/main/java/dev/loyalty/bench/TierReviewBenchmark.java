package dev.loyalty.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tier review at scale: a {@code loyalty.jar} on a fresh MariaDB whose customers and
 * qualifying activity are generated directly in SQL ({@code -Dbench.tierCustomers}, default a
 * million; each with activity in about half of the last 12 months, and about 40 % already above
 * the first tier with review dates spread over a year, so that about a quarter of those are due),
 * then {@code POST /api/v1/tiers/review} timed end to end: every customer reviewed set-based, in
 * batches of 5,000, each in its own transaction. A second call for the same instant shows that a
 * finished run does nothing again; a review the next day shows the steady state, where few
 * customers change. Prints the audit rows and events written, which match the run's totals.
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q -Pbench -pl bench compile exec:java@tiers};
 * options {@code -Dbench.tierCustomers=},
 * {@code -Dbench.bufferPool=1G}, {@code -Dbench.keep=true}.
 */
public final class TierReviewBenchmark {

    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));

    private static final String PROGRAMME =
            """
            {"metric": "NET_SPEND", "windowMonths": 12, "graceDays": 30,
             "tiers": [{"name": "Bronze", "threshold": 0, "earnMultiplier": 1},
                       {"name": "Silver", "threshold": 50000, "earnMultiplier": 1.25},
                       {"name": "Gold", "threshold": 150000, "earnMultiplier": 1.5},
                       {"name": "Platinum", "threshold": 400000, "earnMultiplier": 2}]}""";

    private TierReviewBenchmark() {}

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("mariadb.logging.disable", "true");
        PrintStream out = System.out;
        int customers = Integer.parseInt(System.getProperty("bench.tierCustomers", "1000000"));
        LargeRun.around(
                "tier",
                out,
                (large, teardown) -> measure(
                        out, customers, large.bufferPool(), large.jar(), large.dir(), large.mariadbBase(), teardown));
    }

    private static void measure(
            PrintStream out, int customers, String bufferPool, Path jar, Path run, Path mariadbBase, Teardown teardown)
            throws Exception {
        out.printf("Tier review benchmark: %,d customers, buffer pool %s, jar %s%n", customers, bufferPool, jar);
        out.println("  files of this run: " + run);
        BenchDatabase db = BenchDatabase.start(mariadbBase, run.resolve("mariadb"), bufferPool);
        teardown.add("stopping MariaDB", db);
        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        ServiceProcess service = ServiceProcess.start(jar, dataDir, freePort(), db.url(), run.resolve("service.log"));
        teardown.add("stopping the service", service);
        Api api = new Api(service.port());
        Duration ready = service.awaitReady(api, Duration.ofSeconds(180));
        out.printf("  service ready in %.1f s (log: %s)%n", ready.toMillis() / 1e3, service.log());
        Tokens tokens = Tokens.mint(jar, dataDir);

        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            generate(out, sql, customers, at);
        }

        Api.Response set = api.send("PUT", "/api/v1/tiers", tokens.admin(), PROGRAMME, Duration.ofMinutes(1));
        if (set.status() != 200) {
            throw new IllegalStateException("PUT /tiers answered " + set.status() + ": " + set.shortBody());
        }

        out.println("  reviewing as of " + at + " ...");
        long started = System.nanoTime();
        Api.Response review =
                api.send("POST", "/api/v1/tiers/review?at=" + at, tokens.admin(), null, Duration.ofHours(2));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (review.status() != 200) {
            throw new IllegalStateException("the review answered " + review.status() + ": " + review.shortBody());
        }
        long againStarted = System.nanoTime();
        Api.Response again =
                api.send("POST", "/api/v1/tiers/review?at=" + at, tokens.admin(), null, Duration.ofMinutes(5));
        double againSeconds = (System.nanoTime() - againStarted) / 1e9;
        Instant nextDay = at.plus(Duration.ofDays(1));
        long nextStarted = System.nanoTime();
        Api.Response next =
                api.send("POST", "/api/v1/tiers/review?at=" + nextDay, tokens.admin(), null, Duration.ofHours(2));
        double nextSeconds = (System.nanoTime() - nextStarted) / 1e9;

        long changes;
        long events;
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            changes = single(sql, "SELECT COUNT(*) FROM tier_change WHERE reference = 'review:" + at + "'");
            events = single(
                    sql,
                    "SELECT COUNT(*) FROM domain_event WHERE type = 'TIER_CHANGED' AND occurred_at = '"
                            + LocalDateTime.ofInstant(at, ZoneOffset.UTC) + "'");
        }
        out.println();
        out.println("Tier review of " + String.format("%,d", customers) + " customers");
        out.println("  result:        " + review.body());
        out.printf("  time:          %.1f s (%,.0f customers/s), in one HTTP call%n", seconds, customers / seconds);
        out.printf("  audit rows:    %,d, TIER_CHANGED events: %,d (of the first run)%n", changes, events);
        out.printf("  again, same instant: %.2f s -> %s%n", againSeconds, again.body());
        out.printf(
                "  the next day's review (few changes): %.1f s (%,.0f customers/s) -> %s%n",
                nextSeconds, customers / nextSeconds, next.body());
        out.printf(
                "  machine: %d cores, JDK %s; MariaDB, the service and this generator share it%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    /** Customers, their monthly activity and standings, straight into the tables. */
    private static void generate(PrintStream out, Statement sql, int customers, Instant at) throws SQLException {
        long started = System.nanoTime();
        int chunk = 100_000;
        NumberedCustomers.insert(sql, customers, "NONE");
        out.printf("  %,d customers in %.1f s%n", customers, (System.nanoTime() - started) / 1e9);

        long activity = System.nanoTime();
        LocalDate thisMonth = LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
        String lastCard = "";
        while (true) {
            ResultSet bound = sql.executeQuery(
                    "SELECT MAX(card_number) FROM (SELECT card_number FROM customer WHERE card_number > '" + lastCard
                            + "' ORDER BY card_number LIMIT " + chunk + ") b");
            bound.next();
            String upTo = bound.getString(1);
            bound.close();
            if (upTo == null) {
                break;
            }
            // about half the months of the last year active, 0 to 200 EUR in each
            sql.executeUpdate(
                    """
                    INSERT INTO tier_qualifying (customer_id, month, net_spend, points_earned)
                    SELECT STRAIGHT_JOIN c.id, DATE_SUB('%s', INTERVAL m.n - 1 MONTH),
                           CRC32(CONCAT(c.id, m.n)) %% 20000, CRC32(CONCAT(c.id, m.n)) %% 200
                    FROM customer c JOIN bench_n m ON m.n <= 12
                    WHERE c.card_number > '%s' AND c.card_number <= '%s'
                      AND CRC32(CONCAT(m.n, c.id)) %% 2 = 0"""
                            .formatted(thisMonth, lastCard, upTo));
            lastCard = upTo;
        }
        long rows = single(sql, "SELECT COUNT(*) FROM tier_qualifying");
        out.printf("  %,d monthly activity rows in %.1f s%n", rows, (System.nanoTime() - activity) / 1e9);

        long standings = System.nanoTime();
        // 40 % above the first tier; review dates spread from 90 days ago to 275 days ahead
        sql.executeUpdate(
                """
                INSERT INTO customer_tier (customer_id, tier, since, review_at, held_until, version)
                SELECT id,
                       ELT(1 + CRC32(id) %% 3, 'Silver', 'Gold', 'Platinum'),
                       '%1$s' - INTERVAL 12 MONTH + INTERVAL CAST(CRC32(REVERSE(id)) %% 365 AS SIGNED) - 90 DAY,
                       '%1$s' + INTERVAL CAST(CRC32(REVERSE(id)) %% 365 AS SIGNED) - 90 DAY,
                       NULL, 1
                FROM customer WHERE CRC32(id) %% 10 < 4"""
                        .formatted(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
        long tiers = single(sql, "SELECT COUNT(*) FROM customer_tier");
        long due = single(
                sql,
                "SELECT COUNT(*) FROM customer_tier WHERE review_at <= '" + LocalDateTime.ofInstant(at, ZoneOffset.UTC)
                        + "'");
        out.printf(
                "  %,d standings above the first tier (%,d due) in %.1f s%n",
                tiers, due, (System.nanoTime() - standings) / 1e9);
        sql.execute("DROP TABLE bench_n");
        sql.execute("ANALYZE TABLE customer, customer_tier, tier_qualifying");
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
