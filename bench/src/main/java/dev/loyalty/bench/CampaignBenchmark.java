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
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Campaign runs at scale (issue #14): a {@code loyalty.jar} on a MariaDB filled by the {@code
 * generate} command ({@code -Dbench.campaignCustomers}, default a million; {@code
 * -Dbench.campaignReceipts}, default 2.9 million: about 10 million lines) with the customer metrics
 * of the service's own rebuild - or on the database a run of this or the segments' benchmark kept
 * ({@code -Dbench.reuse=<its run directory>}, which saves the hour of generating it) - then a
 * REPLENISHMENT run of every generated category with a consumption period and a CALENDAR run over
 * every customer, each started with {@code POST /campaigns/{id}/runs} and followed through {@code
 * GET /campaigns/{id}/runs/{runId}} every second until it ends, printing its progress, its duration
 * and the CPU the service, MariaDB and this client used meanwhile, with the load average.
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q -Pbench -pl bench compile
 * exec:java@campaigns}; options {@code -Dbench.campaignCustomers=}, {@code
 * -Dbench.campaignReceipts=}, {@code -Dbench.reuse=}, {@code -Dbench.leadDays=7}, {@code
 * -Dbench.offer={"points": 10}} (the offer of both campaigns, JSON), {@code
 * -Dbench.campaignRuns=replenishment,calendar} (which runs; {@code calendar-coupon}: a calendar run
 * over every customer whose offer is a coupon of a template the benchmark creates, no message), {@code -Dbench.runSeconds=900} (a run
 * still going then is cancelled: its figures so far are printed), {@code -Dbench.bufferPool=1G},
 * {@code -Dbench.keep=true}, {@code -Dbench.campaignData=customers} (the customers only, inserted
 * in SQL in a minute or two instead of the hour of {@code generate}: no receipts, so for the calendar
 * run only), {@code -Dbench.message={"template": "..."}} (the campaigns' message, JSON: their sends
 * go through the outbox; none by default), {@code -Dbench.jarB=} (the same runs with that jar too,
 * on the same database in the same window, each run's CPU per 1,000 targets of B over A printed; a
 * jar whose migrations are older than the other's must be A), {@code -Dbench.rounds=2} (A B then B
 * A), {@code -Dbench.profile=true} (each run's statements per 1,000 targets by digest). On a kept database, the runs an earlier benchmark left RUNNING (one
 * stopped part-way) are marked FAILED first, so that the service does not take them over beside
 * the run measured.
 */
public final class CampaignBenchmark {

    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));

    /** The generator's categories whose products have a consumption period. */
    static final List<String> REPLENISHED =
            List.of("coffee", "baby-care", "personal-care", "face-cream", "home-care", "pet-food", "vitamins");

    /** Everyone: a sum every customer has (0 without purchases). */
    static final String EVERYONE = "{\"metric\": \"lifetimeValue\", \"op\": \"gte\", \"value\": 0}";

    private CampaignBenchmark() {}

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("mariadb.logging.disable", "true");
        PrintStream out = System.out;
        long customers = Long.parseLong(System.getProperty("bench.campaignCustomers", "1000000"));
        long receipts = Long.parseLong(System.getProperty("bench.campaignReceipts", "2900000"));
        String reuse = System.getProperty("bench.reuse", "").strip();
        int leadDays = Integer.parseInt(System.getProperty("bench.leadDays", "7"));
        String offerOnly = System.getProperty("bench.offer", "{\"points\": 10}");
        List<String> which = List.of(System.getProperty("bench.campaignRuns", "replenishment,calendar")
                .strip()
                .split("\\s*,\\s*"));
        boolean customersOnly = "customers".equals(System.getProperty("bench.campaignData", "generate"));
        String message = System.getProperty("bench.message", "").strip();
        // the campaigns' bodies put this after "offer":
        String offer = message.isEmpty() ? offerOnly : offerOnly + ", \"message\": " + message;
        Duration runLimit = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.runSeconds", "900")));
        LargeRun.around(
                "campaign",
                reuse,
                out,
                (large, teardown) -> measure(
                        out,
                        customers,
                        receipts,
                        large.reused(),
                        leadDays,
                        offer,
                        which,
                        runLimit,
                        customersOnly,
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
            boolean reuse,
            int leadDays,
            String offer,
            List<String> which,
            Duration runLimit,
            boolean customersOnly,
            String bufferPool,
            Path jar,
            Path run,
            Path mariadbBase,
            Teardown teardown)
            throws Exception {
        out.printf(
                "Campaign benchmark: %s, buffer pool %s, jar %s%n",
                reuse ? "the database kept in " + run : customers + " customers, " + receipts + " receipts",
                bufferPool,
                jar);
        out.println("  files of this run: " + run);
        Path dbHome = run.resolve("mariadb");
        BenchDatabase db = reuse
                ? BenchDatabase.reopen(mariadbBase, dbHome, bufferPool)
                : BenchDatabase.start(mariadbBase, dbHome, bufferPool);
        teardown.add("stopping MariaDB", db);
        if (reuse) {
            try (Connection connection = db.connect();
                    Statement sql = connection.createStatement()) {
                int stale = sql.executeUpdate("UPDATE campaign_run SET status = 'FAILED', lease_owner = NULL,"
                        + " error = 'left running by an earlier benchmark' WHERE status = 'RUNNING'");
                if (stale > 0) {
                    out.printf("  %d run(s) an earlier benchmark left RUNNING marked FAILED%n", stale);
                }
            }
        }
        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        // -Dbench.jarB: the same runs with that jar too, on the same database, in the same window
        // (-Dbench.rounds=2: A B then B A, so that neither jar always runs on the fuller tables)
        List<Path> jars = new java.util.ArrayList<>();
        Optional<Path> jarB = Optional.ofNullable(System.getProperty("bench.jarB"))
                .map(String::strip)
                .filter(b -> !b.isEmpty())
                .map(Path::of);
        int rounds = jarB.isPresent() ? Math.max(1, Integer.getInteger("bench.rounds", 1)) : 1;
        for (int round = 0; round < rounds; round++) {
            if (jarB.isEmpty()) {
                jars.add(jar);
            } else if (round % 2 == 0) {
                jars.add(jar);
                jars.add(jarB.get());
            } else {
                jars.add(jarB.get());
                jars.add(jar);
            }
        }
        Map<String, List<Figures>> byJar = new java.util.LinkedHashMap<>();
        boolean prepared = false;
        for (Path serviceJar : jars) {
            String label = serviceJar.equals(jar) ? "A" : "B";
            ServiceProcess service = ServiceProcess.start(
                    serviceJar,
                    dataDir,
                    freePort(),
                    db.url(),
                    run.resolve("service-" + label + "-" + System.currentTimeMillis() + ".log"));
            try {
                Api api = new Api(service.port());
                Duration ready = service.awaitReady(api, Duration.ofSeconds(900));
                out.printf(
                        "  service %s (%s) ready in %.1f s (log: %s)%n",
                        label, serviceJar, ready.toMillis() / 1e3, service.log());
                Tokens tokens = Tokens.mint(serviceJar, dataDir);
                if (!prepared) {
                    prepare(out, db, api, tokens, serviceJar, dataDir, run, reuse, customersOnly, customers, receipts);
                    prepared = true;
                }
                List<Figures> figures = runAll(out, db, api, tokens, service, dbHome, leadDays, offer, which, runLimit);
                figures.forEach(f -> byJar.computeIfAbsent(label + " " + f.name(), k -> new java.util.ArrayList<>())
                        .add(f));
            } finally {
                service.close();
            }
        }
        if (jarB.isPresent()) {
            out.println("  CPU per 1,000 targets (medians over the rounds), B / A:");
            for (String name : byJar.keySet()) {
                if (!name.startsWith("A ")) {
                    continue;
                }
                Figures a = Figures.median(byJar.get(name));
                Figures b = Figures.median(byJar.getOrDefault("B " + name.substring(2), List.of()));
                if (b == null) {
                    continue;
                }
                out.printf(
                        "    %s: A service %.3f s, MariaDB %.3f s (%.1f s wall); B service %.3f s, MariaDB %.3f s"
                                + " (%.1f s wall); B/A service %.2f, MariaDB %.2f, wall %.2f%n",
                        name.substring(2),
                        a.servicePer1000(),
                        a.databasePer1000(),
                        a.seconds(),
                        b.servicePer1000(),
                        b.databasePer1000(),
                        b.seconds(),
                        b.servicePer1000() / a.servicePer1000(),
                        b.databasePer1000() / a.databasePer1000(),
                        b.seconds() / a.seconds());
            }
        }
        out.printf(
                "  machine: %d cores, JDK %s; MariaDB, the service and this client share it; load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CpuClock.loadAverage());
    }

    /** The programme (customers in SQL or generated, the metrics rebuilt), once per benchmark. */
    private static void prepare(
            PrintStream out,
            BenchDatabase db,
            Api api,
            Tokens tokens,
            Path jar,
            Path dataDir,
            Path run,
            boolean reuse,
            boolean customersOnly,
            long customers,
            long receipts)
            throws Exception {
        if (!reuse && customersOnly) {
            long generated = System.nanoTime();
            try (Connection connection = db.connect();
                    Statement sql = connection.createStatement()) {
                NumberedCustomers.insert(sql, customers, "SMS");
                // the outbox reads every treated customer: a phone each (the preferred channel needs one)
                // and a card number with its GS1 check digit (28 + ten digits of the number + the digit)
                String body = "CONCAT('28', LPAD(CAST(SUBSTRING(card_number, 3) AS UNSIGNED), 10, '0'))";
                StringBuilder sum = new StringBuilder("0");
                for (int i = 1; i <= 12; i++) {
                    sum.append(" + ")
                            .append(i % 2 == 1 ? 1 : 3)
                            .append(" * SUBSTRING(")
                            .append(body)
                            .append(", ")
                            .append(i)
                            .append(", 1)");
                }
                sql.executeUpdate("UPDATE customer SET phone = CONCAT('+3933', SUBSTRING(card_number, 3)),"
                        + " card_number = CONCAT(" + body + ", MOD(10 - MOD(" + sum + ", 10), 10))");
            }
            out.printf("  %,d customers inserted in SQL in %.1f s%n", customers, (System.nanoTime() - generated) / 1e9);
        } else if (!reuse) {
            long generated = System.nanoTime();
            GeneratedHistory.generate(jar, dataDir, db.url(), run, customers, receipts, 24);
            out.printf("  generated in %.1f s%n", (System.nanoTime() - generated) / 1e9);
        }
        if (!customersOnly && count(db, "SELECT COUNT(*) FROM customer_sku_metrics") == 0) {
            long rebuildStarted = System.nanoTime();
            Api.Response rebuilt = api.send("POST", "/api/v1/metrics/rebuild", tokens.admin(), "", Duration.ofHours(3));
            if (rebuilt.status() != 200) {
                throw new IllegalStateException(
                        "the rebuild answered " + rebuilt.status() + ": " + rebuilt.shortBody());
            }
            out.printf(
                    "  metrics rebuilt by the service in %.1f s: %s%n",
                    (System.nanoTime() - rebuildStarted) / 1e9, rebuilt.body());
        }
        out.printf(
                "  %,d customers, %,d receipt lines, %,d customer_sku_metrics rows; load average %s%n",
                count(db, "SELECT COUNT(*) FROM customer"),
                count(db, "SELECT COUNT(*) FROM purchase_line"),
                count(db, "SELECT COUNT(*) FROM customer_sku_metrics"),
                CpuClock.loadAverage());
    }

    /** The runs asked for, one after another, on the service given. */
    private static List<Figures> runAll(
            PrintStream out,
            BenchDatabase db,
            Api api,
            Tokens tokens,
            ServiceProcess service,
            Path dbHome,
            int leadDays,
            String offer,
            List<String> which,
            Duration runLimit)
            throws Exception {
        List<Figures> figures = new java.util.ArrayList<>();
        String categories = String.join("\", \"", REPLENISHED);
        if (which.contains("replenishment")) {
            figures.add(timeRun(
                    out,
                    db,
                    api,
                    tokens,
                    service,
                    dbHome,
                    "replenishment of " + REPLENISHED.size() + " categories, lead " + leadDays + " days",
                    """
                {"name": "Replenishment benchmark", "type": "REPLENISHMENT", "holdoutPercent": 10,
                 "offer": %s, "schedule": {"daily": "08:00"},
                 "replenishment": {"categories": ["%s"], "leadDays": %d, "propose": "SAME"}}"""
                            .formatted(offer, categories, leadDays),
                    runLimit));
        }
        if (which.contains("calendar")) {
            figures.add(timeRun(
                    out,
                    db,
                    api,
                    tokens,
                    service,
                    dbHome,
                    "calendar over every customer",
                    """
                {"name": "Calendar benchmark", "type": "CALENDAR", "holdoutPercent": 10,
                 "audience": {"condition": %s}, "offer": %s,
                 "schedule": {"at": "2099-12-01T09:00:00Z"}}"""
                            .formatted(EVERYONE, offer),
                    runLimit));
        }
        if (which.contains("calendar-coupon")) {
            Api.Response template = api.send(
                    "POST",
                    "/api/v1/coupon-templates",
                    tokens.admin(),
                    """
                    {"name": "Benchmark coupon", "discount": {"type": "AMOUNT_OFF", "value": 500}, "minSpend": 2000,
                     "channels": ["STORE"], "validDays": 30}""",
                    Duration.ofMinutes(5));
            if (template.status() != 201) {
                throw new IllegalStateException(
                        "creating the coupon template answered " + template.status() + ": " + template.shortBody());
            }
            figures.add(timeRun(
                    out,
                    db,
                    api,
                    tokens,
                    service,
                    dbHome,
                    "calendar over every customer, a coupon each (no message)",
                    """
                {"name": "Calendar coupon benchmark", "type": "CALENDAR", "holdoutPercent": 10,
                 "audience": {"condition": %s}, "offer": {"templateId": "%s"},
                 "schedule": {"at": "2099-12-01T09:00:00Z"}}"""
                            .formatted(EVERYONE, field(template.body(), "templateId")),
                    runLimit));
        }
        return figures;
    }

    /**
     * One run's figures.
     *
     * @param name which run
     * @param seconds its duration
     * @param targets the targets it processed
     * @param cpu the CPU used meanwhile
     */
    record Figures(String name, double seconds, long targets, CpuClock cpu) {

        double servicePer1000() {
            return cpu.service().toMillis() / 1e3 / Math.max(1, targets) * 1000;
        }

        double databasePer1000() {
            return cpu.database().toMillis() / 1e3 / Math.max(1, targets) * 1000;
        }

        /** The figures of the median CPU per target, service and MariaDB together (null when there are none). */
        static Figures median(List<Figures> all) {
            if (all.isEmpty()) {
                return null;
            }
            List<Figures> sorted = new java.util.ArrayList<>(all);
            sorted.sort(java.util.Comparator.comparingDouble(f -> f.servicePer1000() + f.databasePer1000()));
            return sorted.get((sorted.size() - 1) / 2);
        }
    }

    /** Creates and launches the campaign, runs it now and follows the run to its end. */
    private static Figures timeRun(
            PrintStream out,
            BenchDatabase db,
            Api api,
            Tokens tokens,
            ServiceProcess service,
            Path dbHome,
            String name,
            String body,
            Duration limit)
            throws IOException, InterruptedException, SQLException {
        Duration timeout = Duration.ofMinutes(5);
        Api.Response created = api.send("POST", "/api/v1/campaigns", tokens.admin(), body, timeout);
        if (created.status() != 201) {
            throw new IllegalStateException(
                    "creating the campaign answered " + created.status() + ": " + created.shortBody());
        }
        String campaign = field(created.body(), "id");
        Api.Response launched =
                api.send("POST", "/api/v1/campaigns/" + campaign + "/launch", tokens.admin(), "", timeout);
        if (launched.status() / 100 != 2) {
            throw new IllegalStateException("launching answered " + launched.status() + ": " + launched.shortBody());
        }
        db.resetDigests();
        CpuClock before = CpuClock.read(service.pid(), dbHome);
        String loadBefore = CpuClock.loadAverage();
        long started = System.nanoTime();
        Api.Response accepted =
                api.send("POST", "/api/v1/campaigns/" + campaign + "/runs", tokens.admin(), "", timeout);
        if (accepted.status() != 202) {
            throw new IllegalStateException("the run answered " + accepted.status() + ": " + accepted.shortBody());
        }
        String runPath = "/api/v1/campaigns/" + campaign + "/runs/" + field(accepted.body(), "runId");
        out.printf("  %s: run started (load average %s)%n", name, loadBefore);
        String status;
        String last;
        while (true) {
            Thread.sleep(1_000);
            Api.Response progress = api.get(runPath, tokens.admin(), timeout);
            if (progress.status() != 200) {
                throw new IllegalStateException(
                        "the run's status answered " + progress.status() + ": " + progress.shortBody());
            }
            last = progress.body();
            status = field(last, "status");
            out.printf(
                    "    %5.1f s  %s: %s of %s processed (%s %%, eta %s s), %s offered, %s held out, %s suppressed%n",
                    (System.nanoTime() - started) / 1e9,
                    status,
                    field(last, "processed"),
                    field(last, "total"),
                    field(last, "percent"),
                    field(last, "etaSeconds"),
                    field(last, "offered"),
                    field(last, "heldOut"),
                    field(last, "suppressed"));
            if (!"RUNNING".equals(status)) {
                break;
            }
            if (System.nanoTime() - started > limit.toNanos()) {
                api.send("POST", "/api/v1/campaigns/" + campaign + "/cancel", tokens.admin(), "", timeout);
                status = "STOPPED after " + limit.toSeconds() + " s (cancelled)";
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuClock used = CpuClock.read(service.pid(), dbHome).since(before);
        long processed = 0;
        try {
            processed = Long.parseLong(field(last, "processed"));
        } catch (NumberFormatException e) {
            // none read
        }
        Figures figures = new Figures(name, seconds, processed, used);
        out.printf(
                "  %s: %s in %.1f s (polled each second: up to 1 s late); %s; per 1,000 targets: service %.3f s,"
                        + " MariaDB %.3f s; load average %s%n    %s%n",
                name,
                status,
                seconds,
                used.describe(),
                figures.servicePer1000(),
                figures.databasePer1000(),
                CpuClock.loadAverage(),
                last);
        // the relay sends (or settles) the run's messages meanwhile and after: the run's cost includes
        // draining them, which would otherwise fall on the next run (another jar's) - -Dbench.drain=false: not
        if (Boolean.parseBoolean(System.getProperty("bench.drain", "true"))) {
            long queued = count(db, "SELECT COUNT(*) FROM message WHERE status = 'QUEUED'");
            if (queued > 0) {
                out.printf(
                        "    %,d messages still queued at the run's end: waiting for the relay to drain them%n",
                        queued);
                while (queued > 0 && System.nanoTime() - started < 2 * limit.toNanos()) {
                    Thread.sleep(1_000);
                    queued = count(db, "SELECT COUNT(*) FROM message WHERE status = 'QUEUED'");
                }
                double drained = (System.nanoTime() - started) / 1e9;
                CpuClock all = CpuClock.read(service.pid(), dbHome).since(before);
                figures = new Figures(name, drained, processed, all);
                out.printf(
                        "  %s, the outbox %s at %.1f s: %s; per 1,000 targets: service %.3f s, MariaDB %.3f s;"
                                + " load average %s%n",
                        name,
                        queued == 0 ? "drained" : "still holding " + queued + " queued",
                        drained,
                        all.describe(),
                        figures.servicePer1000(),
                        figures.databasePer1000(),
                        CpuClock.loadAverage());
            }
        }
        // -Dbench.profile=true: the statements per 1,000 targets, by digest (server time, rows examined)
        out.print(db.digests(Math.max(1, processed / 1000)));
        return figures;
    }

    /** A top-level scalar field of a JSON object, as text ("?" when absent). */
    static String field(String json, String name) {
        Matcher value = Pattern.compile(
                        "\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|[-0-9.eE+]+|null|true|false)")
                .matcher(json);
        if (!value.find()) {
            return "?";
        }
        return value.group(2) != null ? value.group(2) : value.group(1);
    }

    private static long count(BenchDatabase db, String query) throws SQLException {
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
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
