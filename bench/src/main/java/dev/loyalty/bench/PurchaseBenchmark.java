package dev.loyalty.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark's main class: {@code POST /api/v1/purchases} of a {@code loyalty.jar} against a
 * plain-JDBC baseline of the same writes, on one fresh MariaDB, in one run.
 *
 * <p>Set-up (MariaDB, the service, tokens, customers, coupons) failing ends the run with an
 * exception, hence a non-zero exit; missed targets do not, it only measures. The service is
 * stopped before the baseline, which then has the machine to itself with the database. The
 * service and the database are stopped whatever happens (finally, and a shutdown hook).
 *
 * <p>Settings are system properties, see {@link BenchSettings}.
 */
public final class PurchaseBenchmark {

    /** Held so that the levels set below are not garbage-collected with their loggers. */
    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));

    private PurchaseBenchmark() {}

    /** The floor phase's request: authenticated, answered from a cache, no statement. */
    static final String FLOOR_PATH = "/api/v1/earning-rules";

    /** Runs the benchmark once and prints its figures. */
    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        // The driver would log every deadlock and duplicate key the baseline counts anyway.
        System.setProperty("mariadb.logging.disable", "true");
        BenchSettings settings = BenchSettings.fromSystemProperties();
        PrintStream out = System.out;
        String runId = "b" + Long.toString(System.currentTimeMillis(), 36);
        Path run = Files.createDirectories(settings.workRoot()
                .resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Teardown.around(run, out, teardown -> new PurchaseBenchmark().run(settings, run, runId, teardown, out));
    }

    private void run(BenchSettings settings, Path run, String runId, Teardown teardown, PrintStream out)
            throws Exception {
        out.printf(
                "Purchase benchmark: %d clients, warm-up %d s + window %d s per phase, %d customers, jar %s%n",
                settings.clients(), settings.warmupSeconds(), settings.seconds(), settings.customers(), settings.jar());
        out.println("  files of this run: " + run);
        if (!settings.keepFiles()) {
            teardown.add("deleting the run's database and service data", () -> {
                deleteTree(run.resolve("mariadb"));
                deleteTree(run.resolve("service-data"));
            });
        }

        long started = System.nanoTime();
        BenchDatabase db = BenchDatabase.start(settings.mariadbBase(), run.resolve("mariadb"));
        teardown.add("stopping MariaDB", db);
        out.printf("  MariaDB on 127.0.0.1:%d ready in %.1f s%n", db.port(), (System.nanoTime() - started) / 1e9);

        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        ServiceProcess service =
                ServiceProcess.start(settings.jar(), dataDir, freeLoopbackPort(), db.url(), run.resolve("service.log"));
        teardown.add("stopping the service", service);
        Api api = new Api(service.port());
        Duration ready = service.awaitReady(api, Duration.ofSeconds(180));
        out.printf(
                "  service on 127.0.0.1:%d ready in %.1f s (log: %s)%n",
                service.port(), ready.toMillis() / 1e3, service.log());

        Tokens tokens = Tokens.mint(settings.jar(), dataDir);
        Fixture fixture = new Setup(api, tokens, out)
                .prepare(settings.customers(), settings.couponsPerPhase(), Math.min(8, settings.clients()));
        LoadPhase.Endpoint endpoint = LoadPhase.probe(api, tokens, fixture, runId, out);

        Duration warmup = Duration.ofSeconds(settings.warmupSeconds());
        Duration window = Duration.ofSeconds(settings.seconds());
        CouponPool serviceCoupons = new CouponPool(fixture.serviceCodes());
        out.printf("  service phase: POST %s ...%n", endpoint.path);
        long before = db.statements();
        PhaseResult servicePhase = PhaseRunner.run(
                "Service: POST " + endpoint.path + (endpoint == LoadPhase.Endpoint.QUOTE ? "  (!!! FALLBACK)" : ""),
                LoadPhase.clients(settings.clients(), api, tokens, fixture, endpoint, serviceCoupons, runId),
                warmup,
                window,
                settings.maxRequestsPerPhase());
        long serviceStatements = db.statements() - before;

        PhaseResult floor = null;
        if (settings.floorSeconds() > 0) {
            out.printf("  floor phase: GET %s ...%n", FLOOR_PATH);
            floor = PhaseRunner.run(
                    "Floor: GET " + FLOOR_PATH + " (token, JSON, no database: the ceiling without a purchase)",
                    LoadPhase.readers(settings.clients(), api, tokens.admin(), FLOOR_PATH),
                    Duration.ofSeconds(Math.max(1, settings.floorSeconds() / 3)),
                    Duration.ofSeconds(settings.floorSeconds()),
                    settings.maxRequestsPerPhase());
        }

        out.println("  stopping the service: the baseline runs with the database alone");
        service.close();

        try (Connection connection = db.connect()) {
            Path applied = PurchaseSchema.ensure(connection, settings.migrations());
            if (applied != null) {
                out.println();
                out.println("  !!! THE SERVICE DID NOT CREATE THE PURCHASE TABLES (its jar predates migration V5).");
                out.println("  !!! APPLIED " + applied + " OVER JDBC MYSELF for the baseline.");
                out.println();
            }
        }
        CouponPool baselineCoupons = new CouponPool(fixture.baselineCodes());
        out.printf("  baseline phase: plain JDBC, %s ...%n", settings.isolation());
        before = db.statements();
        PhaseResult baseline = PhaseRunner.run(
                "Baseline: plain JDBC, the same writes in one transaction (" + settings.isolation() + ")",
                JdbcBaseline.clients(settings.clients(), db, fixture, baselineCoupons, settings.isolation(), runId),
                warmup,
                window,
                settings.maxRequestsPerPhase());
        long baselineStatements = db.statements() - before;

        Report report = new Report(out);
        report.phase(
                servicePhase, endpoint == LoadPhase.Endpoint.PURCHASES ? "purchases/s" : "quotes/s", serviceCoupons);
        report.statements(servicePhase, serviceStatements);
        report.phase(baseline, "tx/s", baselineCoupons);
        report.statements(baseline, baselineStatements);
        if (floor != null) {
            report.phase(floor, "requests/s");
        }
        report.summary(servicePhase, "POST " + endpoint.path, baseline);
        if (floor != null) {
            report.floor(servicePhase, floor, "GET " + FLOOR_PATH);
        }
        report.machine();
        if (baseline.failures().containsKey(JdbcBaseline.STALE_SEQUENCE)) {
            out.println();
            out.println("  note: '" + JdbcBaseline.STALE_SEQUENCE + "': under REPEATABLE-READ, SELECT MAX(sequence)"
                    + " reads the snapshot taken at the transaction's first read, before the wallet row was locked;"
                    + " a concurrent purchase of the same customer makes it stale (the default READ-COMMITTED,"
                    + " the service's, does not).");
        }
    }

    /** A port nobody listens on at 127.0.0.1 now. */
    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a directory and everything under it, if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw new UncheckedIOException(e);
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
