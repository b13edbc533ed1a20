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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A campaign's evaluation at scale: a {@code loyalty.jar} on a fresh MariaDB where a campaign's
 * members ({@code -Dbench.evaluationMembers}, default a million customers, 10 % held out, 5 % of the
 * treatment suppressed, 10 % with a coupon of which half redeemed) and their purchases (about two a
 * member from 30 days before to 30 days after the contact, the treatment a little more often) are
 * generated set-based in SQL; then {@code GET /api/v1/campaigns/{id}/evaluation} timed end to end,
 * cold then twice warm, and a page of responders. Prints the figures and the CPU the MariaDB server
 * and the service's JVM used in each call (target: under 10 s), and the load average.
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q -Pbench -pl bench compile exec:java@evaluation};
 * options {@code -Dbench.evaluationMembers=}, {@code -Dbench.bufferPool=1G}, {@code -Dbench.keep=true}.
 */
public final class EvaluationBenchmark {

    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));

    private EvaluationBenchmark() {}

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("mariadb.logging.disable", "true");
        PrintStream out = System.out;
        int members = Integer.parseInt(System.getProperty("bench.evaluationMembers", "1000000"));
        LargeRun.around(
                "evaluation",
                out,
                (large, teardown) -> measure(
                        out, members, large.bufferPool(), large.jar(), large.dir(), large.mariadbBase(), teardown));
    }

    private static void measure(
            PrintStream out, int members, String bufferPool, Path jar, Path run, Path mariadbBase, Teardown teardown)
            throws Exception {
        out.printf("Campaign evaluation benchmark: %,d members, buffer pool %s, jar %s%n", members, bufferPool, jar);
        out.println("  files of this run: " + run + "; load average at start: " + loadAverage());
        BenchDatabase db = BenchDatabase.start(mariadbBase, run.resolve("mariadb"), bufferPool);
        teardown.add("stopping MariaDB", db);
        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        ServiceProcess service = ServiceProcess.start(jar, dataDir, freePort(), db.url(), run.resolve("service.log"));
        teardown.add("stopping the service", service);
        Api api = new Api(service.port());
        Duration ready = service.awaitReady(api, Duration.ofSeconds(900));
        out.printf("  service ready in %.1f s (log: %s)%n", ready.toMillis() / 1e3, service.log());
        Tokens tokens = Tokens.mint(jar, dataDir);

        Instant contact = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        String campaign = UUID.randomUUID().toString();
        Optional<Long> mariadbPid;
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            generate(out, sql, members, campaign, contact);
            mariadbPid = mariadbPid(sql);
        }

        awaitSettled(out, db, campaign, members, service.pid(), mariadbPid);

        String path = "/api/v1/campaigns/" + campaign + "/evaluation";
        for (String call : List.of("cold", "warm", "warm")) {
            timed(out, "evaluation (" + call + ")", api, tokens, path, service.pid(), mariadbPid, true);
        }
        timed(
                out,
                "members page (1000 treatment responders)",
                api,
                tokens,
                "/api/v1/campaigns/" + campaign + "/members?group=TREATMENT&responded=true&limit=1000",
                service.pid(),
                mariadbPid,
                false);
        out.printf(
                "  machine: %d cores, JDK %s; MariaDB, the service and this generator share it; load average at the"
                        + " end: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
    }

    private static void timed(
            PrintStream out,
            String name,
            Api api,
            Tokens tokens,
            String path,
            long servicePid,
            Optional<Long> mariadbPid,
            boolean print)
            throws IOException, InterruptedException {
        Duration serviceCpu = cpu(servicePid);
        Duration databaseCpu = mariadbPid.map(EvaluationBenchmark::cpu).orElse(Duration.ZERO);
        long started = System.nanoTime();
        Api.Response response = api.get(path, tokens.admin(), Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.status() != 200) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.shortBody());
        }
        out.printf(
                "  %s: %.2f s; CPU: MariaDB %.2f s, service JVM %.2f s%n",
                name,
                seconds,
                mariadbPid
                        .map(pid -> cpu(pid).minus(databaseCpu).toMillis() / 1e3)
                        .orElse(Double.NaN),
                cpu(servicePid).minus(serviceCpu).toMillis() / 1e3);
        if (print) {
            out.println("    " + response.body());
        }
    }

    /** The members, their coupons and their purchases, straight into the tables. */
    private static void generate(PrintStream out, Statement sql, int members, String campaign, Instant contact)
            throws SQLException {
        long started = System.nanoTime();
        String at = LocalDateTime.ofInstant(contact, ZoneOffset.UTC).toString().replace('T', ' ');
        int chunk = 100_000;
        NumberedCustomers.insert(sql, members, "SMS");
        out.printf("  %,d customers in %.1f s%n", members, (System.nanoTime() - started) / 1e9);

        // the purchases first, from the customers (the group is the members' own expression), so that
        // no member's outcome is settled by the service's timer before its purchases are there
        long purchaseStarted = System.nanoTime();
        for (int from = 1; from <= members; from += chunk) {
            String range = "c.card_number BETWEEN CONCAT('29', LPAD(%d, 11, '0')) AND CONCAT('29', LPAD(%d, 11, '0'))"
                    .formatted(from, from + chunk - 1);
            // four chances of one purchase in 60 days around the contact; the treatment a fifth
            sql.executeUpdate(
                    """
                    INSERT INTO purchase (id, store_id, receipt_id, channel, customer_id, occurred_at, recorded_at,
                                          currency, total_paid, points_awarded, points_reversed, amount_reversed,
                                          reversals, version, source)
                    SELECT UUID(), 'MI-001', CONCAT('B', c.id, '-', k.n), 'STORE', c.id,
                           TIMESTAMP('%1$s') - INTERVAL 30 DAY + INTERVAL CRC32(CONCAT(k.n, c.id)) %% 5184000 SECOND,
                           TIMESTAMP('%1$s'), 'EUR', 500 + CRC32(CONCAT(c.id, k.n)) %% 6000, 0, 0,
                           IF(CRC32(CONCAT('r', k.n, c.id)) %% 20 = 0, 300, 0), 0, 1, 'IMPORT'
                    FROM customer c JOIN bench_n k ON k.n <= 5
                    WHERE %2$s
                      AND ((k.n <= 4 AND CRC32(CONCAT(c.id, 'p', k.n)) %% 2 = 0)
                        OR (k.n = 5 AND CRC32(c.id) %% 10 <> 0 AND CRC32(c.id) %% 4 = 0))"""
                            .formatted(at, range));
        }
        out.printf(
                "  %,d purchases in %.1f s%n",
                single(sql, "SELECT COUNT(*) FROM purchase"), (System.nanoTime() - purchaseStarted) / 1e9);

        long memberStarted = System.nanoTime();
        String template = UUID.randomUUID().toString();
        sql.executeUpdate(
                """
                INSERT INTO campaign (id, name, type, status, definition, holdout_percent, holdout_key,
                                      attribution_days, version, created_at, updated_at)
                VALUES ('%s', 'Bench', 'CALENDAR', 'SCHEDULED', '{}', 10, REPEAT('k', 64), 14, 1, NOW(6), NOW(6))"""
                        .formatted(campaign));
        sql.executeUpdate(
                """
                INSERT INTO coupon_template (id, name, discount_type, discount_value, currency, channels, categories,
                                             created_at)
                VALUES ('%s', 'Bench', 'AMOUNT_OFF', 300, 'EUR', 'STORE', '', NOW(6))"""
                        .formatted(template));
        String runId = UUID.randomUUID().toString();
        for (int from = 1; from <= members; from += chunk) {
            String range = "c.card_number BETWEEN CONCAT('29', LPAD(%d, 11, '0')) AND CONCAT('29', LPAD(%d, 11, '0'))"
                    .formatted(from, from + chunk - 1);
            sql.executeUpdate(
                    """
                    INSERT INTO campaign_member (campaign_id, customer_id, occasion, run_id, member_group, outcome,
                                                 suppressed_reason, channel, contacted_at, coupon_code, recorded_at)
                    SELECT '%1$s', c.id, '%2$s', '%2$s',
                           IF(CRC32(c.id) %% 10 = 0, 'CONTROL', 'TREATMENT'),
                           CASE WHEN CRC32(c.id) %% 10 = 0 THEN 'HELD_OUT'
                                WHEN CRC32(c.id) %% 20 = 1 THEN 'SUPPRESSED' ELSE 'OFFERED' END,
                           IF(CRC32(c.id) %% 10 <> 0 AND CRC32(c.id) %% 20 = 1, 'no-consent', NULL),
                           IF(CRC32(c.id) %% 10 = 0 OR CRC32(c.id) %% 20 = 1, NULL, 'SMS'),
                           '%3$s',
                           IF(CRC32(c.id) %% 10 <> 0 AND CRC32(c.id) %% 20 <> 1 AND CRC32(REVERSE(c.id)) %% 9 = 0,
                              CONCAT('E', RIGHT(c.card_number, 8)), NULL),
                           '%3$s'
                    FROM customer c WHERE %4$s"""
                            .formatted(campaign, runId, at, range));
        }
        sql.executeUpdate(
                """
                INSERT INTO coupon (code, template_id, customer_id, status, valid_from, valid_until, issued_at, version,
                                    campaign_id)
                SELECT m.coupon_code, '%s', m.customer_id, IF(CRC32(m.coupon_code) %% 2 = 0, 'REDEEMED', 'ISSUED'),
                       m.contacted_at, m.contacted_at + INTERVAL 30 DAY, m.contacted_at, 1, m.campaign_id
                FROM campaign_member m WHERE m.campaign_id = '%s' AND m.coupon_code IS NOT NULL"""
                        .formatted(template, campaign));
        out.printf(
                "  %,d members (%,d held out), %,d coupons in %.1f s%n",
                single(sql, "SELECT COUNT(*) FROM campaign_member"),
                single(sql, "SELECT COUNT(*) FROM campaign_member WHERE member_group = 'CONTROL'"),
                single(sql, "SELECT COUNT(*) FROM coupon"),
                (System.nanoTime() - memberStarted) / 1e9);

        sql.execute("DROP TABLE bench_n");
        sql.execute("ANALYZE TABLE customer, campaign_member, purchase, coupon");
    }

    /**
     * Waits while the service's timer writes the members' outcomes (their windows closed 16 days
     * ago), printing the progress every 5 s; then prints how long it took and the CPU it cost.
     */
    private static void awaitSettled(
            PrintStream out, BenchDatabase db, String campaign, int members, long servicePid, Optional<Long> mariadbPid)
            throws SQLException, InterruptedException {
        Duration serviceCpu = cpu(servicePid);
        Duration databaseCpu = mariadbPid.map(EvaluationBenchmark::cpu).orElse(Duration.ZERO);
        long started = System.nanoTime();
        String load = loadAverage();
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            while (true) {
                long settled = single(
                        sql,
                        "SELECT COUNT(*) FROM campaign_member WHERE campaign_id = '" + campaign
                                + "' AND outcome_settled = 1");
                out.printf(
                        "    %6.1f s  outcomes settled by the service's timer: %,d of %,d%n",
                        (System.nanoTime() - started) / 1e9, settled, members);
                if (settled >= members) {
                    break;
                }
                if (System.nanoTime() - started > Duration.ofMinutes(60).toNanos()) {
                    throw new IllegalStateException("the outcomes were not settled within an hour");
                }
                Thread.sleep(5_000);
            }
        }
        out.printf(
                "  outcomes of %,d members settled in %.1f s (polled every 5 s); CPU: MariaDB %.1f s, service JVM"
                        + " %.1f s; load average %s at the start, %s at the end%n",
                members,
                (System.nanoTime() - started) / 1e9,
                mariadbPid
                        .map(pid -> cpu(pid).minus(databaseCpu).toMillis() / 1e3)
                        .orElse(Double.NaN),
                cpu(servicePid).minus(serviceCpu).toMillis() / 1e3,
                load,
                loadAverage());
    }

    /** The CPU time a process has used so far (user + system). */
    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().totalCpuDuration())
                .orElse(Duration.ZERO);
    }

    /** The MariaDB server's process id, from its pid file. */
    private static Optional<Long> mariadbPid(Statement sql) {
        try (ResultSet row = sql.executeQuery("SELECT @@pid_file, @@datadir")) {
            row.next();
            Path file = Path.of(row.getString(1));
            if (!file.isAbsolute()) {
                file = Path.of(row.getString(2)).resolve(file);
            }
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (SQLException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
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
