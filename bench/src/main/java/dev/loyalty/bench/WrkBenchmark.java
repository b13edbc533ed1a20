package dev.loyalty.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark that cannot lie about its client: every HTTP phase is driven by {@code wrk} (C,
 * keep-alive), whose own CPU is printed beside the service's and MariaDB's, so a reader sees the
 * client was not the bottleneck. Phases: the constant endpoint ({@code /health/live}), the
 * authenticated cached GET (the floor), the till's lookup, a quote, purchases (one in five with a
 * coupon), 32 tills on one wallet, event intake, purchases at 1/4/16/32/64 connections; then, with
 * the service stopped, the stack's purchase floor ({@code spike}: the baseline's statements behind
 * JAX-RS, CDI, JSON-B and the container's pool on plain Payara Micro, see {@link #spike}), and the plain-JDBC baseline of the purchase's writes ({@link JdbcBaseline},
 * whose schema comes from the migrations). Figures: a Markdown table on stdout, a CSV and a PNG
 * chart of purchases/s and p99 against connections in the run's directory.
 *
 * <p>Settings as {@link BenchSettings} ({@code bench.seconds} per measured window, {@code
 * bench.warmup}, {@code bench.customers}, {@code bench.coupons}) plus {@code bench.curve}
 * (connections of the curve, default {@code 1,4,16,32,64}).
 */
public final class WrkBenchmark {

    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));

    private WrkBenchmark() {}

    /** One phase's figures with the CPU the service and the database used meanwhile. */
    record Row(Wrk.Result wrk, CpuClock cpu, long statements, String load) {

        double statementsPerRequest() {
            return wrk.requests() == 0 ? 0 : (double) statements / wrk.requests();
        }
    }

    /** Runs it once and prints the figures. */
    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("mariadb.logging.disable", "true");
        if (!Wrk.available()) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk");
        }
        BenchSettings settings = BenchSettings.fromSystemProperties();
        PrintStream out = System.out;
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Path run = Files.createDirectories(settings.workRoot()
                .resolve("wrk-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Teardown.around(run, out, teardown -> new WrkBenchmark().run(settings, run, runId, teardown, out));
    }

    private void run(BenchSettings settings, Path run, String runId, Teardown teardown, PrintStream out)
            throws Exception {
        List<Integer> curve = curve(System.getProperty("bench.curve", "1,4,16,32,64"));
        Duration warmup = Duration.ofSeconds(settings.warmupSeconds());
        Duration window = Duration.ofSeconds(settings.seconds());
        out.printf(
                "wrk benchmark: warm-up %d s + window %d s per phase, %d customers, curve %s, jar %s%n",
                settings.warmupSeconds(), settings.seconds(), settings.customers(), curve, settings.jar());
        out.println("  files of this run: " + run);
        if (!settings.keepFiles()) {
            teardown.add("deleting the run's database and service data", () -> {
                PurchaseBenchmark.deleteTree(run.resolve("mariadb"));
                PurchaseBenchmark.deleteTree(run.resolve("service-data"));
            });
        }
        Path dbHome = run.resolve("mariadb");
        BenchDatabase db = BenchDatabase.start(settings.mariadbBase(), dbHome);
        teardown.add("stopping MariaDB", db);
        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        ServiceProcess service = ServiceProcess.start(
                settings.jar(), dataDir, PurchaseBenchmark.freeLoopbackPort(), db.url(), run.resolve("service.log"));
        teardown.add("stopping the service", service);
        Api api = new Api(service.port());
        Duration ready = service.awaitReady(api, Duration.ofSeconds(600));
        out.printf("  service on 127.0.0.1:%d ready in %.1f s%n", service.port(), ready.toMillis() / 1e3);
        Tokens tokens = Tokens.mint(settings.jar(), dataDir);
        String integration = Tokens.mintIntegration(settings.jar(), dataDir);
        Setup setup = new Setup(api, tokens, out);
        Fixture fixture = setup.prepare(settings.customers(), settings.couponsPerPhase(), 8);
        String url = "http://127.0.0.1:" + service.port();
        if (Boolean.parseBoolean(System.getProperty("bench.tiers", "false"))) {
            // -Dbench.tiers=true: a tier programme in force, so lookups read the standing and quotes the tier
            Api.Response tiers = api.send("PUT", "/api/v1/tiers", tokens.admin(), TIERS, Duration.ofSeconds(60));
            if (tiers.status() != 200) {
                throw new IllegalStateException(
                        "PUT /api/v1/tiers answered " + tiers.status() + ": " + tiers.shortBody());
            }
            out.println("  tier programme set (Bronze, Silver from 1,000 EUR, Gold from 5,000 EUR net spend)");
        }

        // -Dbench.jarB: the same HTTP phases again with that jar, on the same database and data directory,
        // right after these (its own coupons), so two builds are compared within one run
        Optional<Path> jarB =
                Optional.ofNullable(System.getProperty("bench.jarB")).map(Path::of);
        int purchaseRuns = 2 * (2 + curve.size()) * (jarB.isPresent() ? 2 : 1);
        List<List<String>> couponSlices = slices(fixture.serviceCodes(), purchaseRuns);
        int[] nextSlice = {0};
        List<String> only = only(System.getProperty("bench.phases", ""));
        ServiceProcess[] current = {service};
        // the process whose CPU a phase reports: the service, its B, or the stack's purchase floor
        long[] measured = {service.pid()};
        String[] label = {""};
        String[] base = {url};
        Phase phase = (unlabelled, scripts, connections) -> {
            if (!only.isEmpty() && only.stream().noneMatch(unlabelled::startsWith)) {
                return null;
            }
            String name = label[0] + unlabelled;
            Wrk.run(name + " (warm-up)", base[0], scripts.apply("w"), connections, warmup, run);
            CpuClock before = CpuClock.read(measured[0], dbHome);
            db.resetDigests();
            long statements = db.statements();
            Wrk.Result result = Wrk.run(name, base[0], scripts.apply("m"), connections, window, run);
            Row row = new Row(
                    result,
                    CpuClock.read(measured[0], dbHome).since(before),
                    db.statements() - statements,
                    CpuClock.loadAverage());
            out.printf(
                    "  %-34s c=%-3d %9.1f/s p50 %7.1f ms p99 %7.1f ms errors %d  %s, wrk %.1f s%n",
                    name,
                    connections,
                    result.perSecond(),
                    result.p50Millis(),
                    result.p99Millis(),
                    result.errors(),
                    row.cpu().describe(),
                    result.wrkCpu().toMillis() / 1e3);
            out.print(db.digests(result.requests()));
            return row;
        };
        List<Row> rows = new ArrayList<>();
        List<Row> curveRows = new ArrayList<>();
        List<Row> rowsB = new ArrayList<>();
        httpPhases(
                phase, tokens, fixture, couponSlices, nextSlice, runId, settings, integration, curve, rows, curveRows);
        if (jarB.isPresent()) {
            out.println("  stopping the service: the same phases with " + jarB.get());
            current[0].close();
            String optionsB = System.getProperty("bench.jvmOptionsB");
            if (optionsB != null) {
                System.setProperty("bench.jvmOptions", optionsB);
            }
            current[0] = ServiceProcess.start(
                    jarB.get(), dataDir, PurchaseBenchmark.freeLoopbackPort(), db.url(), run.resolve("service-b.log"));
            teardown.add("stopping the service B", current[0]);
            measured[0] = current[0].pid();
            Duration readyB = current[0].awaitReady(new Api(current[0].port()), Duration.ofSeconds(600));
            out.printf("  service B on 127.0.0.1:%d ready in %.1f s%n", current[0].port(), readyB.toMillis() / 1e3);
            base[0] = "http://127.0.0.1:" + current[0].port();
            label[0] = "B: ";
            httpPhases(
                    phase,
                    tokens,
                    fixture,
                    couponSlices,
                    nextSlice,
                    runId + "b",
                    settings,
                    integration,
                    curve,
                    rowsB,
                    rowsB);
        }
        List<Row> spikeRows = new ArrayList<>();
        if (only.isEmpty() || only.stream().anyMatch(p -> p.startsWith("spike") || "spike".startsWith(p))) {
            // the coupons through the service running now: B's when -Dbench.jarB replaced the first
            Setup running = new Setup(new Api(current[0].port()), tokens, out);
            spike(
                            phase,
                            running,
                            fixture,
                            tokens,
                            settings,
                            db,
                            run,
                            runId,
                            teardown,
                            current[0],
                            measured,
                            base,
                            label)
                    .forEach(row -> addMeasured(spikeRows, row));
        }
        out.println("  stopping the service: the baseline runs with the database alone");
        current[0].close();
        try (Connection connection = db.connect()) {
            PurchaseSchema.ensure(connection, settings.migrations());
        }
        CouponPool baselineCoupons = new CouponPool(fixture.baselineCodes());
        long before = db.statements();
        CpuClock cpuBefore = CpuClock.read(current[0].pid(), dbHome);
        PhaseResult baseline = PhaseRunner.run(
                "Baseline: plain JDBC, the purchase's writes in one transaction (" + settings.isolation() + ")",
                JdbcBaseline.clients(settings.clients(), db, fixture, baselineCoupons, settings.isolation(), runId),
                warmup,
                window,
                settings.maxRequestsPerPhase());
        long baselineStatements = db.statements() - before;
        CpuClock baselineCpu = CpuClock.read(current[0].pid(), dbHome).since(cpuBefore);
        out.printf("  baseline %.1f tx/s, %s%n", baseline.throughput(), baselineCpu.describe());
        for (Row b : rowsB) {
            Row a = rows.stream()
                    .filter(r -> ("B: " + r.wrk().phase()).equals(b.wrk().phase()))
                    .findFirst()
                    .orElse(null);
            out.printf(
                    "  %s: %.1f/s (p99 %.1f ms, errors %d, %.1f statements/req, %s), %.0f %% of the baseline%s%n",
                    b.wrk().phase(),
                    b.wrk().perSecond(),
                    b.wrk().p99Millis(),
                    b.wrk().errors(),
                    b.statementsPerRequest(),
                    b.cpu().describe(),
                    100 * b.wrk().perSecond() / baseline.throughput(),
                    a == null
                            ? ""
                            : String.format(
                                    " (A: %.1f/s, B/A %.2f)",
                                    a.wrk().perSecond(),
                                    b.wrk().perSecond() / a.wrk().perSecond()));
        }
        Row service32 = curveRows.stream()
                .filter(r -> r.wrk().connections() == 32)
                .findFirst()
                .orElse(rows.stream()
                        .filter(r -> r.wrk().phase().startsWith("purchase (1"))
                        .findFirst()
                        .orElse(null));
        for (Row s : spikeRows) {
            out.printf(
                    "  %s: %.1f/s, %.0f %% of the baseline%s%n",
                    s.wrk().phase(),
                    s.wrk().perSecond(),
                    100 * s.wrk().perSecond() / baseline.throughput(),
                    service32 == null
                            ? ""
                            : String.format(
                                    " (the service's purchases %.1f/s, %.0f %% of the baseline, %.0f %% of this floor)",
                                    service32.wrk().perSecond(),
                                    100 * service32.wrk().perSecond() / baseline.throughput(),
                                    100 * service32.wrk().perSecond() / s.wrk().perSecond()));
        }
        rows.addAll(rowsB);
        rows.addAll(spikeRows);
        WrkReport report = new WrkReport(rows, curveRows, baseline, baselineStatements, baselineCpu);
        out.println();
        out.println(report.markdown());
        Files.writeString(run.resolve("wrk-figures.csv"), report.csv());
        report.chart(run.resolve("purchases-by-connections.png"));
        out.println("  CSV: " + run.resolve("wrk-figures.csv"));
        out.println("  chart: " + run.resolve("purchases-by-connections.png"));
    }

    /**
     * The stack's purchase floor (issue 16): with the service stopped, plain Payara Micro of the
     * service's version and JVM options deploying a WAR whose {@code POST /floor/purchases} takes the
     * service's purchase body (JSON-B, Bean Validation) and runs the baseline's statements ({@link
     * dev.loyalty.bench.floor.PurchaseWrites}) on the container's pool (sized as the service's), in a
     * container transaction, then {@code /floor/purchases/local} in a JDBC transaction, then the first
     * again; the purchase phase's wrk script against each at 32 connections, with coupons of their own.
     */
    private static List<Row> spike(
            Phase phase,
            Setup setup,
            Fixture fixture,
            Tokens tokens,
            BenchSettings settings,
            BenchDatabase db,
            Path run,
            String runId,
            Teardown teardown,
            ServiceProcess service,
            long[] measured,
            String[] base,
            String[] label)
            throws Exception {
        PrintStream out = System.out;
        List<List<String>> slices = slices(setup.issue(fixture.templateId(), settings.couponsPerPhase()), 6);
        int[] next = {0};
        out.println("  stopping the service: the stack's purchase floor on plain Payara Micro");
        service.close();
        Path dir = Files.createDirectories(run.resolve("purchase-floor"));
        // floor.war: deployed at /floor, as the start-up benchmark's floor
        Path war = StartupBenchmark.purchaseFloorWar(dir.resolve("floor.war"));
        int port = PurchaseBenchmark.freeLoopbackPort();
        Process micro = StartupBenchmark.startMicro(
                war,
                dir,
                port,
                List.of("-Dloyalty.floor.db.url=" + db.url(), "-Dloyalty.floor.template=" + fixture.templateId()));
        teardown.add("stopping the purchase floor", () -> StartupBenchmark.stopMicro(micro, dir));
        Api api = new Api(port);
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(10).toNanos();
        boolean ready = false;
        while (!ready && System.nanoTime() < deadline && micro.isAlive()) {
            try {
                ready = api.get("/floor/ping", null, Duration.ofSeconds(5)).status() == 200;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (!ready) {
                Thread.sleep(500);
            }
        }
        if (!ready) {
            throw new IllegalStateException("the purchase floor was not ready (log: " + dir.resolve("floor.log") + ")");
        }
        out.printf("  purchase floor on 127.0.0.1:%d ready in %.1f s%n", port, (System.nanoTime() - started) / 1e9);
        measured[0] = micro.pid();
        base[0] = "http://127.0.0.1:" + port;
        label[0] = "";
        List<Row> rows = new ArrayList<>();
        for (String[] variant : List.of(
                new String[] {"spike: POST /floor/purchases (container tx)", "/floor/purchases", "s"},
                new String[] {"spike local: POST /floor/purchases/local (JDBC tx)", "/floor/purchases/local", "l"},
                // again: a JVM started a minute ago is still compiling (its JIT's CPU counts as Payara's),
                // where the service had run the earlier phases
                new String[] {"spike again: POST /floor/purchases (container tx)", "/floor/purchases", "a"})) {
            rows.add(phase.measure(
                    variant[0],
                    part -> {
                        List<String> codes = slices.get(next[0]++ % slices.size());
                        int half = codes.size() / 2;
                        return WrkScripts.basket(
                                tokens.terminal(),
                                Tokens.STORE,
                                fixture.customerIds(),
                                List.of(codes.subList(0, half), codes.subList(half, codes.size())),
                                runId + variant[2] + part,
                                true,
                                false,
                                variant[1]);
                    },
                    32));
        }
        StartupBenchmark.stopMicro(micro, dir);
        return rows;
    }

    /** Every HTTP phase, in order, on the service {@code phase} drives. */
    private static void httpPhases(
            Phase phase,
            Tokens tokens,
            Fixture fixture,
            List<List<String>> couponSlices,
            int[] nextSlice,
            String runId,
            BenchSettings settings,
            String integration,
            List<Integer> curve,
            List<Row> rows,
            List<Row> curveRows)
            throws Exception {
        addMeasured(rows, phase.measure("health: GET /health/live", part -> WrkScripts.get("/health/live", null), 32));
        addMeasured(
                rows,
                phase.measure(
                        "floor: GET /earning-rules (admin)",
                        part -> WrkScripts.get(PurchaseBenchmark.FLOOR_PATH, tokens.admin()),
                        32));
        addMeasured(
                rows,
                phase.measure(
                        "lookup by e-mail", part -> WrkScripts.lookup(tokens.terminal(), settings.customers()), 32));
        addMeasured(
                rows,
                phase.measure(
                        "lookup by card",
                        part -> WrkScripts.lookupByCard(tokens.terminal(), fixture.cardNumbers()),
                        32));
        addMeasured(
                rows,
                phase.measure(
                        "quote (1 in 5 with a coupon)",
                        part -> basket(tokens, fixture, couponSlices, nextSlice, runId + "q" + part, false, false),
                        32));
        // the floor again, on a service whose JIT has compiled the request path by now: measured first
        // only, on a loaded machine, it ran at a twentieth of its quiet rate and flattered the ratios
        addMeasured(
                rows,
                phase.measure(
                        "floor again: GET /earning-rules (admin)",
                        part -> WrkScripts.get(PurchaseBenchmark.FLOOR_PATH, tokens.admin()),
                        32));
        addMeasured(
                rows,
                phase.measure(
                        "purchase (1 in 5 with a coupon)",
                        part -> basket(tokens, fixture, couponSlices, nextSlice, runId + "p" + part, true, false),
                        32));
        addMeasured(
                rows,
                phase.measure(
                        "purchase, one hot wallet",
                        part -> WrkScripts.basket(
                                tokens.terminal(),
                                Tokens.STORE,
                                fixture.customerIds(),
                                List.of(),
                                runId + "h" + part,
                                true,
                                true),
                        32));
        addMeasured(
                rows,
                phase.measure(
                        "event intake",
                        part -> WrkScripts.events(integration, fixture.customerIds(), runId + part),
                        32));
        for (int connections : curve) {
            addMeasured(
                    curveRows,
                    phase.measure(
                            "purchase curve",
                            part -> basket(
                                    tokens,
                                    fixture,
                                    couponSlices,
                                    nextSlice,
                                    runId + "c" + connections + part,
                                    true,
                                    false),
                            connections));
        }
    }

    @FunctionalInterface
    private interface Phase {
        /** @param scripts the phase's script for a part of it ({@code w}: warm-up, {@code m}: window) */
        Row measure(String name, java.util.function.Function<String, String> scripts, int connections) throws Exception;
    }

    /** A basket script with the next coupon slice, half for each of wrk's two threads. */
    private static String basket(
            Tokens tokens,
            Fixture fixture,
            List<List<String>> slices,
            int[] next,
            String runId,
            boolean purchase,
            boolean hot) {
        // a coupon is redeemed once: every wrk run (warm-up and window alike) gets its own slice
        List<String> codes = slices.get(next[0] % slices.size());
        next[0]++;
        int half = codes.size() / 2;
        return WrkScripts.basket(
                tokens.terminal(),
                Tokens.STORE,
                fixture.customerIds(),
                List.of(codes.subList(0, half), codes.subList(half, codes.size())),
                runId,
                purchase,
                hot);
    }

    /** {@code items} cut into {@code count} consecutive slices of (nearly) equal size. */
    static List<List<String>> slices(List<String> items, int count) {
        List<List<String>> slices = new ArrayList<>(count);
        int size = items.size() / count;
        for (int i = 0; i < count; i++) {
            slices.add(items.subList(i * size, (i + 1) * size));
        }
        return slices;
    }

    private static void addMeasured(List<Row> rows, Row row) {
        if (row != null) {
            rows.add(row);
        }
    }

    /** The tier programme of {@code -Dbench.tiers=true}: three tiers on 12 months' net spend. */
    static final String TIERS =
            """
            {"metric": "NET_SPEND", "windowMonths": 12, "graceDays": 30, "reviewMonths": 3,
             "tiers": [{"name": "Bronze", "threshold": 0, "earnMultiplier": 1},
                       {"name": "Silver", "threshold": 100000, "earnMultiplier": 1.5},
                       {"name": "Gold", "threshold": 500000, "earnMultiplier": 2}]}""";

    /** {@code bench.phases}: the prefixes of the phases to run (e.g. {@code floor,lookup,quote,purchase}); empty for all. */
    static List<String> only(String text) {
        List<String> prefixes = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                prefixes.add(part.trim());
            }
        }
        return prefixes;
    }

    static List<Integer> curve(String text) {
        List<Integer> connections = new ArrayList<>();
        for (String part : text.split(",")) {
            connections.add(Integer.parseInt(part.trim()));
        }
        return connections;
    }
}
