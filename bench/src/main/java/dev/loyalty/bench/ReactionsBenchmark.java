package dev.loyalty.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the reactions keep up, with {@code wrk} as the client (issue 16): one service on a fresh
 * MariaDB with the 20 active rules of {@link EventRules} (10 on the type the load sends), events
 * posted by wrk at 32 connections for a warm-up and a window, and in that window the events
 * accepted per second against the rule evaluations per second, counted in the database: the
 * backlog is bounded when evaluations/s >= accepted/s x 10. Then the message relay: {@code
 * bench.messages} SMS written straight into the outbox, all due at once, relayed to a local server
 * answering like Twilio's Messages API; messages per second from the instant they were due to the
 * last one SENT, against the fake server's own request rate, and repeats (none allowed). CPU per
 * process (service, MariaDB, wrk, this JVM incl. the fake server) and the load average per phase.
 *
 * <p>Settings as {@link BenchSettings} ({@code bench.seconds}: the window, default 30, 60 for the
 * issue's target; {@code bench.warmup}; {@code bench.customers}) plus {@code bench.messages}
 * (default 10000) and {@code bench.eventBatch} (default 100: a second intake window posting
 * {@code POST /events/batch} of that many events; 0: none), {@code bench.jarB} (the intake phases
 * again with that jar, one service at a time on the same database, A then B, {@code bench.rounds}
 * times; {@code bench.messages=0} skips the relay); per accepted event it prints the CPU of each
 * process and MariaDB's statements (intake and reactions together); the service's {@code LOYALTY_REACTIONS_WORKERS}, {@code
 * LOYALTY_MESSAGING_RELAY_WORKERS} etc. pass through {@code bench.env.NAME=value}.
 */
public final class ReactionsBenchmark {

    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));

    private ReactionsBenchmark() {}

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("mariadb.logging.disable", "true");
        if (!Wrk.available()) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk");
        }
        BenchSettings settings = BenchSettings.fromSystemProperties();
        PrintStream out = System.out;
        Path run = Files.createDirectories(settings.workRoot()
                .resolve("reactions-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Teardown.around(run, out, teardown -> new ReactionsBenchmark().run(settings, run, teardown, out));
    }

    private void run(BenchSettings settings, Path run, Teardown teardown, PrintStream out) throws Exception {
        int messages = Integer.getInteger("bench.messages", 10_000);
        Duration warmup = Duration.ofSeconds(settings.warmupSeconds());
        Duration window = Duration.ofSeconds(settings.seconds());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        if (!settings.keepFiles()) {
            teardown.add("deleting the run's database and service data", () -> {
                PurchaseBenchmark.deleteTree(run.resolve("mariadb"));
                PurchaseBenchmark.deleteTree(run.resolve("service-data"));
            });
        }
        FakeGateway gateway = new FakeGateway();
        teardown.add("stopping the fake Twilio", gateway::close);
        Map<String, String> env = new HashMap<>(Map.of(
                "LOYALTY_SMS_PROVIDER", "twilio",
                "LOYALTY_SMS_TWILIO_BASE_URL", "http://127.0.0.1:" + gateway.port(),
                "LOYALTY_SMS_TWILIO_ACCOUNT_SID", "ACbench",
                "LOYALTY_SMS_TWILIO_AUTH_TOKEN", "bench",
                "LOYALTY_SMS_FROM", "+15005550006"));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench.env."))
                .forEach(name -> env.put(name.substring("bench.env.".length()), System.getProperty(name)));
        out.printf(
                "reactions benchmark: warm-up %d s + window %d s, %d customers, %d messages, service env %s%n",
                warmup.toSeconds(),
                window.toSeconds(),
                settings.customers(),
                messages,
                env.keySet().stream()
                        .filter(k -> !k.startsWith("LOYALTY_SMS"))
                        .map(k -> k + "=" + env.get(k))
                        .toList());
        Path dbHome = run.resolve("mariadb");
        BenchDatabase db = BenchDatabase.start(settings.mariadbBase(), dbHome);
        teardown.add("stopping MariaDB", db);
        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        // -Dbench.jarB: the same intake phases with that jar too, on the same database, one service
        // at a time (A, B, A, B... for bench.rounds), so that both are measured at the same load
        Optional<Path> jarB =
                Optional.ofNullable(System.getProperty("bench.jarB")).map(Path::of);
        List<Path> jars = new ArrayList<>();
        for (int round = 0;
                round < (jarB.isPresent() ? Math.max(1, Integer.getInteger("bench.rounds", 1)) : 1);
                round++) {
            jars.add(settings.jar());
            jarB.ifPresent(jars::add);
        }
        if (jarB.isPresent()) {
            out.printf("  A = %s%n  B = %s%n", settings.jar(), jarB.get());
        }
        ServiceProcess service = startService(settings.jar(), dataDir, db, run, env, teardown, out);
        Api api = new Api(service.port());
        Tokens tokens = Tokens.mint(settings.jar(), dataDir);
        String integration = Tokens.mintIntegration(settings.jar(), dataDir);
        Setup setup = new Setup(api, tokens, out);
        List<String> customers = setup.enrolCustomers(settings.customers(), 4);
        String template = setup.defineTemplate();
        for (String body : EventRules.bodies(template)) {
            Setup.expect(api.post("/api/v1/rules", tokens.admin(), body, null), 201, "status", "POST /api/v1/rules");
        }
        int batch = Integer.getInteger("bench.eventBatch", 100);
        try (ReactionProgress progress = new ReactionProgress(db.connect())) {
            for (int i = 0; i < jars.size(); i++) {
                String label = jarB.isEmpty() ? "" : (i % 2 == 0 ? "[A] " : "[B] ");
                if (i > 0) {
                    service.close();
                    service = startService(jars.get(i), dataDir, db, run, env, teardown, out);
                    api = new Api(service.port());
                }
                String url = "http://127.0.0.1:" + service.port();
                String tag = runId + i;
                progress.awaitEmpty("enrolments", Duration.ofMinutes(3), out);
                eventPhase(
                        label + "POST /events",
                        1,
                        WrkScripts.events(integration, customers, tag + "w"),
                        WrkScripts.events(integration, customers, tag + "m"),
                        url,
                        warmup,
                        window,
                        run,
                        progress,
                        service,
                        dbHome,
                        out);
                if (batch > 0) {
                    eventPhase(
                            label + "POST /events/batch of " + batch,
                            batch,
                            WrkScripts.eventBatches(integration, customers, tag + "bw", batch),
                            WrkScripts.eventBatches(integration, customers, tag + "bm", batch),
                            url,
                            warmup,
                            window,
                            run,
                            progress,
                            service,
                            dbHome,
                            out);
                }
            }
        }
        if (messages <= 0) {
            return;
        }
        out.println();
        out.println("== Message relay: " + messages + " SMS due at once, local Twilio-shaped server ==");
        List<String> reachable = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Api.Response enrolled = api.post(
                    "/api/v1/customers",
                    tokens.admin(),
                    "{\"firstName\": \"Bench\", \"phone\": \"+3935" + String.format("%08d", i)
                            + "\", \"preferredChannel\": \"SMS\", \"consents\": {\"marketingSms\": true},"
                            + " \"enrolmentChannel\": \"WEB\"}",
                    null);
            reachable.add(Setup.expect(enrolled, 201, "customerId", "POST /api/v1/customers"));
        }
        Instant due;
        try (Connection connection = db.connect()) {
            due = queue(connection, reachable, messages, runId);
            CpuClock before = CpuClock.read(service.pid(), dbHome);
            long sent = 0;
            Instant deadline = due.plus(Duration.ofMinutes(5));
            while (sent < messages && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                try (Statement sql = connection.createStatement();
                        ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM message WHERE status = 'SENT'"
                                + " AND cause LIKE 'bench:" + runId + ":%'")) {
                    rows.next();
                    sent = rows.getLong(1);
                }
            }
            Instant done = Instant.now();
            CpuClock cpu = CpuClock.read(service.pid(), dbHome).since(before);
            double seconds = Duration.between(due, done).toMillis() / 1e3;
            double gatewaySeconds = (gateway.last.get() - gateway.first.get()) / 1e9;
            out.printf(
                    "  SENT              %d of %d in %.1f s: %.1f messages/s (+-0.1 s)%n",
                    sent, messages, seconds, sent / seconds);
            out.printf(
                    "  fake server       %d requests, %.1f/s from its first to its last; repeats %d%n",
                    gateway.requests.get(),
                    gatewaySeconds <= 0 ? Double.NaN : gateway.requests.get() / gatewaySeconds,
                    gateway.requests.get() - gateway.tokens.size());
            out.printf(
                    "  %s (client: this JVM, the fake server); load average %s%n",
                    cpu.describe(), CpuClock.loadAverage());
        }
    }

    /** Starts a service on the run's database and data directory and waits until it is ready. */
    private static ServiceProcess startService(
            Path jar,
            Path dataDir,
            BenchDatabase db,
            Path run,
            Map<String, String> env,
            Teardown teardown,
            PrintStream out)
            throws Exception {
        ServiceProcess service = ServiceProcess.start(
                jar,
                dataDir,
                PurchaseBenchmark.freeLoopbackPort(),
                db.url(),
                run.resolve("service-" + System.nanoTime() + ".log"),
                env);
        teardown.add("stopping the service", service);
        Duration ready = service.awaitReady(new Api(service.port()), Duration.ofSeconds(600));
        out.printf("  service %s ready in %.1f s (log %s)%n", jar, ready.toMillis() / 1e3, service.log());
        return service;
    }

    /** One intake phase (a warm-up, the window, then the drain with no intake), its figures printed. */
    private static void eventPhase(
            String name,
            int eventsPerRequest,
            String warmupScript,
            String script,
            String url,
            Duration warmup,
            Duration window,
            Path run,
            ReactionProgress progress,
            ServiceProcess service,
            Path dbHome,
            PrintStream out)
            throws Exception {
        Wrk.run(name + " (warm-up)", url, warmupScript, 32, warmup, run);
        ReactionProgress.Snapshot start = progress.now();
        long statementsAtStart = progress.statements();
        CpuClock before = CpuClock.read(service.pid(), dbHome);
        Wrk.Result events = Wrk.run(name, url, script, 32, window, run);
        CpuClock cpu = CpuClock.read(service.pid(), dbHome).since(before);
        long statementsInWindow = progress.statements() - statementsAtStart;
        ReactionProgress.Snapshot end = progress.now();
        String load = CpuClock.loadAverage();
        double seconds = (end.at() - start.at()) / 1e9;
        double evaluated = (end.evaluations() - start.evaluations()) / seconds;
        double accepted = events.perSecond() * eventsPerRequest;
        double needed = accepted * EventRules.RULES_PER_TYPE;
        out.println();
        out.println("== " + name + " and their reactions, wrk 32 connections, " + window.toSeconds() + " s window ==");
        out.printf(
                "  accepted          %.1f events/s (%.1f requests/s of %d; p50 %.1f ms, p99 %.1f ms, errors %d)%n",
                accepted,
                events.perSecond(),
                eventsPerRequest,
                events.p50Millis(),
                events.p99Millis(),
                events.errors());
        out.printf(
                "  evaluated         %.1f/s; needed to keep up: %.1f/s (accepted x %d rules); ratio %.2f%n",
                evaluated, needed, EventRules.RULES_PER_TYPE, needed == 0 ? Double.NaN : evaluated / needed);
        out.printf(
                "  backlog           %d events due at the window's start, %d at its end%n",
                start.backlog(), end.backlog());
        out.printf(
                "  %s, wrk %.1f s; load average %s%n",
                cpu.describe(), events.wrkCpu().toMillis() / 1e3, load);
        double acceptedEvents = accepted * events.seconds();
        out.printf(
                "  per accepted event (intake and reactions together): service %.2f ms, MariaDB %.2f ms, wrk %.2f ms"
                        + " CPU; %.1f statements (MariaDB's Questions)%n",
                cpu.service().toNanos() / 1e6 / acceptedEvents,
                cpu.database().toNanos() / 1e6 / acceptedEvents,
                events.wrkCpu().toNanos() / 1e6 / acceptedEvents,
                statementsInWindow / acceptedEvents);
        long statementsBefore = progress.statements();
        long backlogBefore = progress.backlog();
        CpuClock drainCpuBefore = CpuClock.read(service.pid(), dbHome);
        ReactionProgress.Drain drain = progress.awaitEmpty("draining", Duration.ofMinutes(3), out);
        ReactionProgress.Snapshot drained = progress.now();
        CpuClock drainCpu = CpuClock.read(service.pid(), dbHome).since(drainCpuBefore);
        double drainSeconds = (drained.at() - end.at()) / 1e9;
        long reactedInDrain = backlogBefore - drain.backlog();
        out.printf(
                "  drained           %s after %.1f s: %.1f evaluations/s with no intake; %.1f statements per"
                        + " event reacted to (MariaDB's Questions, the sampler's included); %s%n",
                drain.end(),
                drainSeconds,
                (drained.evaluations() - end.evaluations()) / drainSeconds,
                reactedInDrain <= 0 ? Double.NaN : (progress.statements() - statementsBefore) / (double) reactedInDrain,
                drainCpu.describe());
    }

    /** Writes the messages into the outbox, due a little later, and answers when they are due. */
    private static Instant queue(Connection connection, List<String> customers, int messages, String runId)
            throws Exception {
        Instant due = Instant.now().plusSeconds(5);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message (id, customer_id,"
                + " cause, requested_channel, channel, kind, priority, template, template_values, store_id,"
                + " status, reason, attempts, leases, next_attempt_at, counted_at, provider_id, created_at,"
                + " sent_at, updated_at) VALUES (?, ?, ?, 'SMS', 'SMS', 'TRANSACTIONAL', 0,"
                + " 'Ciao {firstName}, il tuo codice {couponCode}', 'couponCode=K7P2QX9M4', NULL, 'QUEUED',"
                + " NULL, 0, 0, ?, NULL, NULL, ?, NULL, ?)")) {
            Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(due, ZoneOffset.UTC));
            for (int i = 0; i < messages; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, customers.get(i % customers.size()));
                insert.setString(3, "bench:" + runId + ":" + i);
                insert.setTimestamp(4, at);
                insert.setTimestamp(5, at);
                insert.setTimestamp(6, at);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        return due;
    }

    /** Answers every request at once like Twilio's Messages API; counts requests and distinct messages. */
    private static final class FakeGateway {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong first = new AtomicLong();
        final AtomicLong last = new AtomicLong();
        final Set<String> tokens = ConcurrentHashMap.newKeySet();
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(16);

        FakeGateway() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.setExecutor(executor);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    long now = System.nanoTime();
                    first.compareAndSet(0, now);
                    last.set(now);
                    requests.incrementAndGet();
                    String token = exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token");
                    tokens.add(token == null ? UUID.randomUUID().toString() : token);
                    byte[] answer = ("{\"sid\": \"SM"
                                    + UUID.randomUUID().toString().replace("-", "") + "\", \"status\": \"queued\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(201, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
