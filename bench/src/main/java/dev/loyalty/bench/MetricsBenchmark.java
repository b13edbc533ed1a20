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
 * costs (MariaDB's {@code Questions} and {@code Com_*} counters over the phase).
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q -Pbench -pl bench compile exec:java@metrics};
 * options {@code -Dbench.metricsCustomers=}, {@code -Dbench.metricsReceipts=}, {@code
 * -Dbench.clients=}, {@code -Dbench.seconds=}, {@code -Dbench.bufferPool=1G}, {@code -Dbench.keep=true}.
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
        LargeRun.around(
                "metrics",
                out,
                (large, teardown) -> measure(
                        out,
                        customers,
                        receipts,
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
            int clients,
            int seconds,
            String bufferPool,
            Path jar,
            Path run,
            Path mariadbBase,
            Teardown teardown)
            throws Exception {
        out.printf(
                "Metrics benchmark: %,d customers, %,d receipts, buffer pool %s, jar %s%n",
                customers, receipts, bufferPool, jar);
        out.println("  files of this run: " + run);
        BenchDatabase db = BenchDatabase.start(mariadbBase, run.resolve("mariadb"), bufferPool);
        teardown.add("stopping MariaDB", db);
        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        ServiceProcess service = start(jar, dataDir, db, run.resolve("service.log"), Map.of(), teardown);
        Api api = new Api(service.port());
        Tokens tokens = Tokens.mint(jar, dataDir);

        long generated = System.nanoTime();
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
        long lines;
        long purchases;
        List<String> ids = new ArrayList<>();
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE TABLE customer, purchase, purchase_line");
            lines = single(sql, "SELECT COUNT(*) FROM purchase_line");
            purchases = single(sql, "SELECT COUNT(*) FROM purchase");
            try (ResultSet rows = sql.executeQuery("SELECT id FROM customer WHERE CRC32(id) % 50 = 0 LIMIT 20000")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        out.printf(
                "  generated %,d customers, %,d receipts, %,d lines in %.1f s%n",
                customers, purchases, lines, (System.nanoTime() - generated) / 1e9);

        double[] rebuilds = new double[2];
        String[] bodies = new String[2];
        for (int i = 0; i < 2; i++) {
            long started = System.nanoTime();
            Api.Response rebuilt = api.send("POST", "/api/v1/metrics/rebuild", tokens.admin(), "", Duration.ofHours(3));
            rebuilds[i] = (System.nanoTime() - started) / 1e9;
            if (rebuilt.status() != 200) {
                throw new IllegalStateException(
                        "the rebuild answered " + rebuilt.status() + ": " + rebuilt.shortBody());
            }
            bodies[i] = rebuilt.body();
            out.printf("  rebuild %d: %.1f s -> %s%n", i + 1, rebuilds[i], rebuilt.body());
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

        Phase live = purchases(out, "live metrics on", api, tokens, ids, clients, seconds, db);
        service.close();
        service = start(
                jar, dataDir, db, run.resolve("service-off.log"), Map.of("LOYALTY_METRICS_LIVE", "false"), teardown);
        api = new Api(service.port());
        Phase off = purchases(out, "live metrics off", api, tokens, ids, clients, seconds, db);
        service.close();

        out.println();
        out.printf("Metrics of %,d customers, %,d receipts, %,d lines%n", customers, purchases, lines);
        out.printf(
                "  rebuild:        %.1f s (%,.0f lines/s), again %.1f s; %,d customer rows, %,d category rows, %,d SKU rows%n",
                rebuilds[0], lines / rebuilds[0], rebuilds[1], rows, categoryRows, skuRows);
        out.printf(
                "  purchases/s:    %.0f with the live update, %.0f without (%d clients)%n",
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
        out.printf(
                "  machine: %d cores, JDK %s; MariaDB, the service and this client share it%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
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

    record Phase(long purchases, double seconds, long[] statements) {

        double rate() {
            return purchases / seconds;
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
            BenchDatabase db)
            throws Exception {
        load(api, tokens, customers, clients, 5, name + "-warm");
        long[] before = counters(db);
        long started = System.nanoTime();
        long done = load(api, tokens, customers, clients, seconds, name);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] after = counters(db);
        long[] delta = new long[COUNTERS.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = after[i] - before[i];
        }
        Phase phase = new Phase(done, elapsed, delta);
        out.printf(
                "  %s: %,d purchases in %.1f s = %.0f/s, %.1f statements each%n",
                name, done, elapsed, phase.rate(), phase.perPurchase(0));
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
