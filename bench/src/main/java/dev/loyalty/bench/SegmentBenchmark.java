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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Segment previews at scale: a {@code loyalty.jar} on a fresh MariaDB filled by the {@code
 * generate} command ({@code -Dbench.segmentCustomers}, default a million, {@code
 * -Dbench.segmentReceipts}, default 2.9 million: about 10 million receipt lines), the customer
 * metrics by the service's own rebuild ({@code POST /api/v1/metrics/rebuild}, timed), then {@code POST
 * /api/v1/segments/preview} of three-clause conditions timed end to end (each three times: the
 * first is cold), with the CPU of the service, MariaDB and this client and the load average, then
 * the two conditions on what was bought counted in this client as the service compiles them and
 * as it did before {@code purchase_bought} ({@link BoughtBaseline}), and a snapshot of the first
 * one (its INSERT ... SELECT).
 *
 * <p>{@code -Dbench.reuse=<run directory>} reopens a database an earlier run kept ({@code
 * -Dbench.keep=true}) instead of generating one (the generation of 10 million lines takes 15-40
 * minutes); its metrics are rebuilt again only with {@code -Dbench.rebuild=true}. {@code
 * -Dbench.backfill=true} also times what migration V14_1 does to a database with history: filling
 * {@code purchase_bought} from every receipt line, its two {@code INSERT ... SELECT DISTINCT} run
 * into a scratch copy of the table (dropped afterwards).
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q -Pbench -pl bench compile
 * exec:java@segments}; options {@code -Dbench.segmentCustomers=}, {@code
 * -Dbench.segmentReceipts=}, {@code -Dbench.bufferPool=1G}, {@code -Dbench.keep=true}, {@code
 * -Dbench.reuse=}, {@code -Dbench.rebuild=true}, {@code -Dbench.backfill=true}.
 */
public final class SegmentBenchmark {

    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));

    /** The conditions timed: name, JSON. */
    static final List<String[]> CONDITIONS = List.of(
            new String[] {
                "recent big spenders with SMS consent (metrics + consent)",
                """
                {"all": [{"metric": "recencyDays", "op": "lte", "value": 60},
                         {"metric": "monetary", "op": "gte", "value": 20000},
                         {"consent": "MARKETING_SMS"}]}"""
            },
            new String[] {
                "face cream due for replenishment, a tenth of spend, no e-mail consent (category rows)",
                """
                {"all": [{"bought": {"category": "face-cream", "betweenDaysAgo": [30, 60], "notSince": true}},
                         {"metric": "categoryShare:face-cream", "op": "gte", "value": 10},
                         {"not": {"consent": "MARKETING_EMAIL"}}]}"""
            },
            new String[] {
                "bought coffee in the last 30 days, app or web, SMS consent (receipt lines)",
                """
                {"all": [{"bought": {"category": "coffee", "betweenDaysAgo": [0, 30]}},
                         {"attribute": "enrolmentChannel", "in": ["APP", "WEB"]},
                         {"consent": "MARKETING_SMS"}]}"""
            });

    private SegmentBenchmark() {}

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("mariadb.logging.disable", "true");
        PrintStream out = System.out;
        long customers = Long.parseLong(System.getProperty("bench.segmentCustomers", "1000000"));
        long receipts = Long.parseLong(System.getProperty("bench.segmentReceipts", "2900000"));
        String reuse = System.getProperty("bench.reuse", "").strip();
        boolean rebuild = Boolean.parseBoolean(System.getProperty("bench.rebuild", "false"));
        boolean backfill = Boolean.parseBoolean(System.getProperty("bench.backfill", "false"));
        LargeRun.around(
                "segment",
                reuse,
                out,
                (large, teardown) -> measure(
                        out,
                        customers,
                        receipts,
                        large.reused(),
                        rebuild,
                        backfill,
                        large.bufferPool(),
                        large.jar(),
                        large.dir(),
                        large.mariadbBase(),
                        teardown));
    }

    private static void measure(
            PrintStream out,
            long customers,
            long receipts,
            boolean reused,
            boolean rebuild,
            boolean backfill,
            String bufferPool,
            Path jar,
            Path run,
            Path mariadbBase,
            Teardown teardown)
            throws Exception {
        out.printf(
                "Segment benchmark: %s, buffer pool %s, jar %s%n",
                reused ? "the database kept in " + run : "%,d customers, %,d receipts".formatted(customers, receipts),
                bufferPool,
                jar);
        out.println("  files of this run: " + run);
        BenchDatabase db = reused
                ? BenchDatabase.reopen(mariadbBase, run.resolve("mariadb"), bufferPool)
                : BenchDatabase.start(mariadbBase, run.resolve("mariadb"), bufferPool);
        teardown.add("stopping MariaDB", db);
        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        ServiceProcess service = ServiceProcess.start(
                jar, dataDir, freePort(), db.url(), run.resolve("service-" + System.currentTimeMillis() + ".log"));
        teardown.add("stopping the service", service);
        Api api = new Api(service.port());
        Duration ready = service.awaitReady(api, Duration.ofSeconds(900));
        out.printf("  service ready in %.1f s (log: %s)%n", ready.toMillis() / 1e3, service.log());
        Tokens tokens = Tokens.mint(jar, dataDir);

        Path dbHome = run.resolve("mariadb");
        CpuClock cpu = CpuClock.read(service.pid(), dbHome);
        long generated = System.nanoTime();
        if (!reused) {
            GeneratedHistory.generate(jar, dataDir, db.url(), run, customers, receipts, 24);
        }
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            out.printf(
                    "  %s in %.1f s: %,d customers, %,d receipts, %,d lines, %,d consent rows%n",
                    reused ? "reopened" : "generated",
                    (System.nanoTime() - generated) / 1e9,
                    single(sql, "SELECT COUNT(*) FROM customer"),
                    single(sql, "SELECT COUNT(*) FROM purchase"),
                    single(sql, "SELECT COUNT(*) FROM purchase_line"),
                    single(sql, "SELECT COUNT(*) FROM customer_consent"));
            out.printf(
                    "    %,d purchase_bought rows; load average %s%n",
                    single(sql, "SELECT COUNT(*) FROM purchase_bought"), CpuClock.loadAverage());
        }
        if (backfill) {
            backfill(out, db, service.pid(), dbHome);
        }
        boolean noMetrics;
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            noMetrics = single(sql, "SELECT COUNT(*) FROM customer_sku_metrics") == 0;
        }
        if (!reused || rebuild || noMetrics) {
            cpu = CpuClock.read(service.pid(), dbHome);
            // the metrics the segments read, by the service's own set-based rebuild (the nightly job's)
            long rebuildStarted = System.nanoTime();
            Api.Response rebuilt = api.send("POST", "/api/v1/metrics/rebuild", tokens.admin(), "", Duration.ofHours(3));
            if (rebuilt.status() != 200) {
                throw new IllegalStateException(
                        "the rebuild answered " + rebuilt.status() + ": " + rebuilt.shortBody());
            }
            out.printf(
                    "  metrics rebuilt by the service in %.1f s: %s%n    %s; load average %s%n",
                    (System.nanoTime() - rebuildStarted) / 1e9,
                    rebuilt.body(),
                    CpuClock.read(service.pid(), dbHome).since(cpu).describe(),
                    CpuClock.loadAverage());
        }
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE TABLE customer, customer_metrics, customer_category_metrics, customer_consent,"
                    + " purchase, purchase_bought");
        }

        for (String[] condition : CONDITIONS) {
            String body = "{\"condition\": " + condition[1] + "}";
            double[] seconds = new double[3];
            String answer = "";
            cpu = CpuClock.read(service.pid(), dbHome);
            for (int i = 0; i < seconds.length; i++) {
                long started = System.nanoTime();
                Api.Response preview =
                        api.send("POST", "/api/v1/segments/preview", tokens.admin(), body, Duration.ofMinutes(30));
                seconds[i] = (System.nanoTime() - started) / 1e9;
                if (preview.status() != 200) {
                    throw new IllegalStateException(
                            "the preview answered " + preview.status() + ": " + preview.shortBody());
                }
                answer = preview.body();
            }
            out.printf(
                    "  preview \"%s\": %s members; %.2f s cold, then %.2f s and %.2f s%n    %s; load average %s%n",
                    condition[0],
                    count(answer),
                    seconds[0],
                    seconds[1],
                    seconds[2],
                    CpuClock.read(service.pid(), dbHome).since(cpu).describe(),
                    CpuClock.loadAverage());
        }
        try (Connection connection = db.connect()) {
            BoughtBaseline.compare(out, connection);
        }

        Api.Response saved = api.send(
                "POST",
                "/api/v1/segments",
                tokens.admin(),
                // named by the run's instant: a kept database reopened (-Dbench.reuse) has the earlier runs' segments
                "{\"name\": \"Recent big spenders " + java.time.Instant.now() + "\", \"condition\": "
                        + CONDITIONS.get(0)[1] + "}",
                Duration.ofMinutes(30));
        if (saved.status() != 201) {
            throw new IllegalStateException("saving the segment answered " + saved.status() + ": " + saved.shortBody());
        }
        String id = saved.body().replaceAll(".*\"segmentId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        long started = System.nanoTime();
        Api.Response snapshot =
                api.send("POST", "/api/v1/segments/" + id + "/snapshots", tokens.admin(), "", Duration.ofMinutes(30));
        double snapshotSeconds = (System.nanoTime() - started) / 1e9;
        if (snapshot.status() != 201) {
            throw new IllegalStateException("the snapshot answered " + snapshot.status() + ": " + snapshot.shortBody());
        }
        out.printf(
                "  snapshot of the first segment: %s members frozen in %.2f s%n",
                snapshot.body().replaceAll(".*\"members\"\\s*:\\s*([0-9]+).*", "$1"), snapshotSeconds);
        out.printf(
                "  machine: %d cores, JDK %s; MariaDB, the service and this client share it%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    /**
     * Times migration V14_1's backfill of {@code purchase_bought} (its two statements, verbatim but
     * for the table) into a scratch table of the same definition, then drops it.
     */
    private static void backfill(PrintStream out, BenchDatabase db, long servicePid, Path dbHome) throws SQLException {
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_purchase_bought");
            sql.execute("CREATE TABLE bench_purchase_bought LIKE purchase_bought");
            CpuClock cpu = CpuClock.read(servicePid, dbHome);
            long started = System.nanoTime();
            for (String[] kind : new String[][] {{"C", "l.category"}, {"S", "l.sku"}}) {
                long one = System.nanoTime();
                int rows = sql.executeUpdate("INSERT INTO bench_purchase_bought"
                        + " (purchase_id, kind, item, occurred_at, customer_id)"
                        + " SELECT DISTINCT p.id, '" + kind[0] + "', " + kind[1] + ", p.occurred_at, p.customer_id"
                        + " FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id"
                        + " WHERE p.customer_id IS NOT NULL AND l.quantity > l.reversed_quantity");
                out.printf(
                        "  V14_1 backfill, kind %s: %,d rows in %.1f s; load average %s%n",
                        kind[0], rows, (System.nanoTime() - one) / 1e9, CpuClock.loadAverage());
            }
            out.printf(
                    "  V14_1 backfill of purchase_bought: %.1f s in all%n    %s%n",
                    (System.nanoTime() - started) / 1e9,
                    CpuClock.read(servicePid, dbHome).since(cpu).describe());
            sql.execute("DROP TABLE bench_purchase_bought");
        }
    }

    private static String count(String json) {
        return json.replaceAll("^\\{\\s*\"count\"\\s*:\\s*([0-9]+).*$", "$1").replaceAll("(?s)\\{.*", "?");
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
