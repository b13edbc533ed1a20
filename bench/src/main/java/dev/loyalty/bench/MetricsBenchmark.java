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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The customer metrics at scale: {@code loyalty.jar generate} fills a fresh MariaDB with
 * {@code -Dbench.metricsCustomers} customers (default 1,000,000) and {@code
 * -Dbench.metricsReceipts} receipts (default 2,600,000: about 10 million lines, 3.8 a receipt),
 * then {@code POST /api/v1/metrics/rebuild} is timed end to end (every customer, set-based, in
 * batches of 5,000), and a second rebuild (the steady nightly run). Then purchases/s with the live
 * metric update and without it ({@code LOYALTY_METRICS_LIVE=false}, the service restarted on the
 * same database), {@code -Dbench.clients} (8) clients for {@code -Dbench.seconds} (20) each after
 * a warm-up of 5 s, each purchase of a random generated customer; and the statements each purchase
 * costs (MariaDB's {@code Questions} and {@code Com_*} counters over the phase), with the CPU
 * the service, MariaDB and this client used in each phase and the load average.
 *
 * <p>{@code -Dbench.reuse=<run directory>} reopens the database an earlier run of this or the
 * segments' benchmark kept ({@code -Dbench.keep=true}) instead of generating one; {@code
 * -Dbench.rebuilds=} how many rebuilds to time first (2; on a reused database with metrics, 0 unless
 * given).
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q -Pbench -pl bench compile exec:java@metrics};
 * options {@code -Dbench.metricsCustomers=}, {@code -Dbench.metricsReceipts=}, {@code
 * -Dbench.clients=}, {@code -Dbench.seconds=}, {@code -Dbench.bufferPool=1G}, {@code -Dbench.keep=true},
 * {@code -Dbench.reuse=}, {@code -Dbench.rebuilds=}.
 */
public final class MetricsBenchmark {

    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));
    private static final long SEED = 13;

    private MetricsBenchmark() {}

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("mariadb.logging.disable", "true");
        PrintStream out = System.out;
        int customers = Integer.parseInt(System.getProperty("bench.metricsCustomers", "1000000"));
        long receipts = Long.parseLong(System.getProperty("bench.metricsReceipts", "2600000"));
        int clients = Integer.parseInt(System.getProperty("bench.clients", "8"));
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "20"));
        String reuse = System.getProperty("bench.reuse", "").strip();
        String rebuilds = System.getProperty("bench.rebuilds", "").strip();
        LargeRun.around(
                "metrics",
                reuse,
                out,
                (large, teardown) -> measure(
                        out,
                        customers,
                        receipts,
                        large.reused(),
                        rebuilds.isEmpty() ? -1 : Integer.parseInt(rebuilds),
                        clients,
                        seconds,
                        large.bufferPool(),
                        large.jar(),
                        large.dir(),
                        large.mariadbBase(),
                        teardown));
    }

    private static void measure(
            PrintStream out,
            int customers,
            long receipts,
            boolean reused,
            int rebuildsAsked,
            int clients,
            int seconds,
            String bufferPool,
            Path jar,
            Path run,
            Path mariadbBase,
            Teardown teardown)
            throws Exception {
        out.printf(
                "Metrics benchmark: %s, buffer pool %s, jar %s%n",
                reused ? "the database kept in " + run : "%,d customers, %,d receipts".formatted(customers, receipts),
                bufferPool,
                jar);
        out.println("  files of this run: " + run);
        Path dbHome = run.resolve("mariadb");
        BenchDatabase db = reused
                ? BenchDatabase.reopen(mariadbBase, dbHome, bufferPool)
                : BenchDatabase.start(mariadbBase, dbHome, bufferPool);
        teardown.add("stopping MariaDB", db);
        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        ServiceProcess service = start(
                jar, dataDir, db, run.resolve("service-" + System.currentTimeMillis() + ".log"), Map.of(), teardown);
        Api api = new Api(service.port());
        Tokens tokens = Tokens.mint(jar, dataDir);

        long generated = System.nanoTime();
        if (!reused) {
            generate(jar, dataDir, db, run, customers, receipts);
        }
        long lines;
        long purchases;
        long customerCount;
        boolean noMetrics;
        List<String> ids = new ArrayList<>();
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE TABLE customer, purchase, purchase_line");
            lines = single(sql, "SELECT COUNT(*) FROM purchase_line");
            purchases = single(sql, "SELECT COUNT(*) FROM purchase");
            customerCount = single(sql, "SELECT COUNT(*) FROM customer");
            noMetrics = single(sql, "SELECT COUNT(*) FROM customer_sku_metrics") == 0;
            try (ResultSet rows = sql.executeQuery("SELECT id FROM customer WHERE CRC32(id) % 50 = 0 LIMIT 20000")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        out.printf(
                "  %s %,d customers, %,d receipts, %,d lines in %.1f s%n",
                reused ? "reopened" : "generated",
                customerCount,
                purchases,
                lines,
                (System.nanoTime() - generated) / 1e9);

        int rebuildCount = rebuildsAsked >= 0 ? rebuildsAsked : reused && !noMetrics ? 0 : 2;
        double[] rebuilds = new double[rebuildCount];
        for (int i = 0; i < rebuildCount; i++) {
            CpuClock cpu = CpuClock.read(service.pid(), dbHome);
            long started = System.nanoTime();
            Api.Response rebuilt = api.send("POST", "/api/v1/metrics/rebuild", tokens.admin(), "", Duration.ofHours(3));
            rebuilds[i] = (System.nanoTime() - started) / 1e9;
            if (rebuilt.status() != 200) {
                throw new IllegalStateException(
                        "the rebuild answered " + rebuilt.status() + ": " + rebuilt.shortBody());
            }
            out.printf(
                    "  rebuild %d: %.1f s -> %s%n    %s; load average %s%n",
                    i + 1,
                    rebuilds[i],
                    rebuilt.body(),
                    CpuClock.read(service.pid(), dbHome).since(cpu).describe(),
                    CpuClock.loadAverage());
        }
        long rows;
        long categoryRows;
        long skuRows;
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            rows = single(sql, "SELECT COUNT(*) FROM customer_metrics");
            categoryRows = single(sql, "SELECT COUNT(*) FROM customer_category_metrics");
            skuRows = single(sql, "SELECT COUNT(*) FROM customer_sku_metrics");
        }

        Phase live = purchases(out, "live metrics on", api, tokens, ids, clients, seconds, db, service.pid(), dbHome);
        service.close();
        service = start(
                jar,
                dataDir,
                db,
                run.resolve("service-off-" + System.currentTimeMillis() + ".log"),
                Map.of("LOYALTY_METRICS_LIVE", "false"),
                teardown);
        api = new Api(service.port());
        Phase off = purchases(out, "live metrics off", api, tokens, ids, clients, seconds, db, service.pid(), dbHome);
        service.close();

        out.println();
        out.printf("Metrics of %,d customers, %,d receipts, %,d lines%n", customerCount, purchases, lines);
        if (rebuildCount > 0) {
            out.printf(
                    "  rebuild:        %.1f s (%,.0f lines/s)%s; %,d customer rows, %,d category rows, %,d SKU rows%n",
                    rebuilds[0],
                    lines / rebuilds[0],
                    rebuildCount > 1 ? ", again %.1f s".formatted(rebuilds[1]) : "",
                    rows,
                    categoryRows,
                    skuRows);
        }
        out.printf(
                "  purchases/s:    %.1f with the live update, %.1f without (%d clients)%n",
                live.rate(), off.rate(), clients);
        out.printf(
                "  per purchase:   %.1f statements (%.1f select, %.1f insert, %.1f update, %.1f delete) with,"
                        + " %.1f (%.1f, %.1f, %.1f, %.1f) without%n",
                live.perPurchase(0),
                live.perPurchase(1),
                live.perPurchase(2),
                live.perPurchase(3),
                live.perPurchase(4),
                off.perPurchase(0),
                off.perPurchase(1),
                off.perPurchase(2),
                off.perPurchase(3),
                off.perPurchase(4));
        out.printf("  CPU per purchase: with %s; without %s%n", live.cpuPerPurchase(), off.cpuPerPurchase());
        out.printf(
                "  machine: %d cores, JDK %s; MariaDB, the service and this client share it%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    private static void generate(Path jar, Path dataDir, BenchDatabase db, Path run, int customers, long receipts)
            throws IOException, InterruptedException {
        ProcessBuilder generate = new ProcessBuilder(
                        ServiceProcess.java(),
                        "-jar",
                        jar.toString(),
                        "generate",
                        "--customers",
                        String.valueOf(customers),
                        "--receipts",
                        String.valueOf(receipts),
                        "--seed",
                        String.valueOf(SEED))
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("generate.log").toFile());
        generate.environment().keySet().removeIf(name -> name.startsWith("LOYALTY_"));
        generate.environment().put("LOYALTY_DB_URL", db.url());
        generate.environment().put("LOYALTY_DB_USER", "root");
        generate.environment().put("LOYALTY_DB_PASSWORD", "");
        if (generate.start().waitFor() != 0) {
            throw new IllegalStateException("the generator failed: " + Files.readString(run.resolve("generate.log")));
        }
    }

    private static ServiceProcess start(
            Path jar, Path dataDir, BenchDatabase db, Path log, Map<String, String> env, Teardown teardown)
            throws Exception {
        ServiceProcess service = ServiceProcess.start(jar, dataDir, freePort(), db.url(), log, env);
        teardown.add("stopping the service", service);
        Api api = new Api(service.port());
        // 15 minutes, as in the segments benchmark: on a loaded machine a restart took over 3
        try {
            service.awaitReady(api, Duration.ofSeconds(900));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    record Phase(long purchases, double seconds, long[] statements, CpuClock cpu) {

        double rate() {
            return purchases / seconds;
        }

        /** {@code service 50.1 ms, MariaDB 14.2 ms, client 6.6 ms}. */
        String cpuPerPurchase() {
            long n = Math.max(1, purchases);
            return String.format(
                    "service %.1f ms, MariaDB %.1f ms, client %.1f ms",
                    cpu.service().toNanos() / 1e6 / n,
                    cpu.database().toNanos() / 1e6 / n,
                    cpu.client().toNanos() / 1e6 / n);
        }

        double perPurchase(int i) {
            return purchases == 0 ? 0 : (double) statements[i] / purchases;
        }
    }

    private static final String[] COUNTERS = {"Questions", "Com_select", "Com_insert", "Com_update", "Com_delete"};

    private static Phase purchases(
            PrintStream out,
            String name,
            Api api,
            Tokens tokens,
            List<String> customers,
            int clients,
            int seconds,
            BenchDatabase db,
            long servicePid,
            Path dbHome)
            throws Exception {
        load(api, tokens, customers, clients, 5, name + "-warm");
        long[] before = counters(db);
        CpuClock cpu = CpuClock.read(servicePid, dbHome);
        long started = System.nanoTime();
        long done = load(api, tokens, customers, clients, seconds, name);
        double elapsed = (System.nanoTime() - started) / 1e9;
        CpuClock used = CpuClock.read(servicePid, dbHome).since(cpu);
        long[] after = counters(db);
        long[] delta = new long[COUNTERS.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = after[i] - before[i];
        }
        Phase phase = new Phase(done, elapsed, delta, used);
        out.printf(
                "  %s: %,d purchases in %.1f s = %.1f/s, %.1f statements each%n    %s; load average %s%n",
                name, done, elapsed, phase.rate(), phase.perPurchase(0), used.describe(), CpuClock.loadAverage());
        return phase;
    }

    /** Purchases of random customers by {@code clients} threads for {@code seconds}: how many were recorded. */
    private static long load(Api api, Tokens tokens, List<String> customers, int clients, int seconds, String tag)
            throws Exception {
        AtomicLong recorded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long n = 0;
                while (System.nanoTime() < until) {
                    String customer = customers.get(random.nextInt(customers.size()));
                    int quantity = 1 + random.nextInt(3);
                    long price = 100 + random.nextInt(2_000);
                    String body =
                            """
                            {"storeId": "%s", "receiptId": "%s-%d-%d", "occurredAt": "%s", "customerId": "%s",
                             "channel": "STORE", "lines": [
                               {"sku": "BENCH-%d", "category": "bench-%d", "quantity": %d, "unitPrice": %d},
                               {"sku": "BENCH-X", "category": "bench-x", "quantity": 1, "unitPrice": 250}],
                             "couponCodes": [], "totalPaid": %d}"""
                                    .formatted(
                                            Tokens.STORE,
                                            tag,
                                            client,
                                            n++,
                                            Instant.now().minusSeconds(1),
                                            customer,
                                            random.nextInt(50),
                                            random.nextInt(10),
                                            quantity,
                                            price,
                                            quantity * price + 250);
                    try {
                        Api.Response response =
                                api.send("POST", "/api/v1/purchases", tokens.terminal(), body, Duration.ofSeconds(30));
                        (response.status() == 201 ? recorded : failed).incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        if (failed.get() > 0) {
            System.out.printf("    (%s: %,d purchases failed)%n", tag, failed.get());
        }
        return recorded.get();
    }

    private static long[] counters(BenchDatabase db) throws SQLException {
        long[] values = new long[COUNTERS.length];
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            for (int i = 0; i < COUNTERS.length; i++) {
                try (ResultSet rows = sql.executeQuery("SHOW GLOBAL STATUS LIKE '" + COUNTERS[i] + "'")) {
                    rows.next();
                    values[i] = rows.getLong(2);
                }
            }
        }
        return values;
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
