package dev.loyalty.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The events benchmark's main class (issue #4): how fast a {@code loyalty.jar} takes in {@code
 * POST /api/v1/events}, and how fast its reactions (every active rule on the event's type judged,
 * the verdict recorded, the actions run; one transaction per event, drained by the relay every
 * second) keep up, measured in the database.
 *
 * <p>On one fresh MariaDB it starts the service, enrols the customers, defines a coupon template
 * and the 20 rules of {@link EventRules}, sends one probe event and waits until the enrolments'
 * and the probe's reactions are done. Then {@code bench.clients} integrations post events for a
 * warm-up and a measured window, while a sampler reads the backlog and the evaluations every
 * second; after the load it waits (bounded) until no event is due any more. It prints the events
 * accepted per second with their latencies, the evaluations per second from the load's start to
 * an empty backlog (and within the window, and while draining), how long the drain took, and the
 * ratio of evaluations to accepted events per second.
 *
 * <p>Set-up failing ends the run with an exception, hence a non-zero exit; missed targets and a
 * backlog that does not empty in time do not, it only measures. The service and the database are
 * stopped whatever happens (finally, and a shutdown hook). Settings: {@link EventSettings}.
 */
public final class EventBenchmark {

    /** Held so that the levels set below are not garbage-collected with their loggers. */
    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb"));

    private EventBenchmark() {}

    /** Runs the benchmark once and prints its figures. */
    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("mariadb.logging.disable", "true");
        EventSettings settings = EventSettings.fromSystemProperties();
        PrintStream out = System.out;
        String runId = "v" + Long.toString(System.currentTimeMillis(), 36);
        Path run = Files.createDirectories(settings.workRoot()
                .resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-events"));
        Teardown.around(run, out, teardown -> new EventBenchmark().run(settings, run, runId, teardown, out));
    }

    private void run(EventSettings settings, Path run, String runId, Teardown teardown, PrintStream out)
            throws Exception {
        out.printf(
                "Events benchmark: %d clients, warm-up %d s + window %d s, %d customers, %d rules, jar %s%n",
                settings.clients(),
                settings.warmupSeconds(),
                settings.seconds(),
                settings.customers(),
                2 * EventRules.RULES_PER_TYPE,
                settings.jar());
        out.println("  files of this run: " + run);
        if (!settings.keepFiles()) {
            teardown.add("deleting the run's database and service data", () -> {
                PurchaseBenchmark.deleteTree(run.resolve("mariadb"));
                PurchaseBenchmark.deleteTree(run.resolve("service-data"));
            });
        }

        long started = System.nanoTime();
        BenchDatabase db = BenchDatabase.start(settings.mariadbBase(), run.resolve("mariadb"));
        teardown.add("stopping MariaDB", db);
        out.printf("  MariaDB on 127.0.0.1:%d ready in %.1f s%n", db.port(), (System.nanoTime() - started) / 1e9);

        Path dataDir = Files.createDirectories(run.resolve("service-data"));
        ServiceProcess service = ServiceProcess.start(
                settings.jar(), dataDir, PurchaseBenchmark.freeLoopbackPort(), db.url(), run.resolve("service.log"));
        teardown.add("stopping the service", service);
        Api api = new Api(service.port());
        Duration ready = service.awaitReady(api, Duration.ofSeconds(180));
        out.printf(
                "  service on 127.0.0.1:%d ready in %.1f s (log: %s)%n",
                service.port(), ready.toMillis() / 1e3, service.log());

        Tokens tokens = Tokens.mint(settings.jar(), dataDir);
        String integration = Tokens.mintIntegration(settings.jar(), dataDir);
        Setup setup = new Setup(api, tokens, out);
        List<String> customers = setup.enrolCustomers(settings.customers(), Math.min(8, settings.clients()));
        String template = setup.defineTemplate();
        for (String body : EventRules.bodies(template)) {
            Api.Response response = api.post("/api/v1/rules", tokens.admin(), body, null);
            String status = Setup.expect(response, 201, "status", "POST /api/v1/rules");
            if (!status.equals("ACTIVE")) {
                throw new IllegalStateException("a new rule is " + status + ", not ACTIVE: " + response.shortBody());
            }
        }
        out.printf("  coupon template %s and %d ACTIVE rules defined%n", template, 2 * EventRules.RULES_PER_TYPE);

        Api.Response probe = api.post(
                EventLoad.PATH,
                integration,
                EventLoad.body(
                        runId + "-probe",
                        customers.get(0),
                        new EventRules.Event(EventRules.APP_INSTALLED, "{\"platform\":\"ios\"}")),
                null);
        if (!EventLoad.accepted(probe)) {
            throw new IllegalStateException(
                    "the probe event answered " + probe.status() + ", not 202 ACCEPTED: " + probe.shortBody());
        }

        Duration drainLimit = Duration.ofSeconds(settings.drainSeconds());
        Duration window = Duration.ofSeconds(settings.seconds());
        Duration warmup = Duration.ofSeconds(settings.warmupSeconds());
        ReactionProgress progress = new ReactionProgress(db.connect());
        teardown.add("closing the reactions' connection", progress);
        started = System.nanoTime();
        ReactionProgress.Drain before = progress.awaitEmpty("enrolments and probe", drainLimit, out);
        if (before.end() != ReactionProgress.Drain.End.EMPTY) {
            throw new IllegalStateException("the reactions to the enrolments and the probe did not finish ("
                    + before.end() + ", " + before.backlog() + " events due, " + progress.failing()
                    + " failing): see " + service.log());
        }
        long probeEvaluations = progress.now().evaluations();
        out.printf(
                "  probe: 202 ACCEPTED, judged by %d rules; enrolments' and probe's reactions done in %.1f s%n",
                probeEvaluations, (before.at() - started) / 1e9);
        if (probeEvaluations != EventRules.RULES_PER_TYPE) {
            throw new IllegalStateException("the probe event has " + probeEvaluations + " evaluations instead of "
                    + EventRules.RULES_PER_TYPE + ": are the rules active on " + EventRules.APP_INSTALLED + "?");
        }

        ReactionProgress.Snapshot atStart = progress.now();
        out.printf(
                "  load: POST %s, %d clients, %d s warm-up + %d s window ...%n",
                EventLoad.PATH, settings.clients(), warmup.toSeconds(), window.toSeconds());
        long loadStart = System.nanoTime();
        PhaseResult load;
        ReactionProgress.Sampler sampler = progress.sample();
        try {
            load = PhaseRunner.run(
                    "Events: POST " + EventLoad.PATH,
                    EventLoad.clients(settings.clients(), api, integration, customers, runId),
                    warmup,
                    window,
                    settings.maxRequests());
        } finally {
            sampler.close();
        }
        long loadEnd = System.nanoTime();
        ReactionProgress.Snapshot atLoadEnd = progress.now();
        out.printf(
                "  load done; %d events due, waiting up to %d s for the reactions ...%n",
                atLoadEnd.backlog(), drainLimit.toSeconds());
        ReactionProgress.Drain drain = progress.awaitEmpty("draining", drainLimit, out);
        ReactionProgress.Snapshot atEnd = progress.now();

        long windowStart = loadStart + warmup.toNanos();
        long windowEnd = windowStart + window.toNanos();
        Figures figures = new Figures(
                load,
                progress.events(runId + "-e"),
                atStart,
                atLoadEnd,
                atEnd,
                loadStart,
                loadEnd,
                drain,
                sampler.evaluationsAt(windowEnd) - sampler.evaluationsAt(windowStart),
                sampler.backlogAt(windowStart),
                sampler.backlogAt(windowEnd),
                progress.failing(),
                progress.outcomes());
        report(figures, window, sampler.failure(), new Report(out), out);
    }

    private static void report(Figures f, Duration window, String samplerFailure, Report report, PrintStream out) {
        report.phase(f.load(), "accepted/s");

        out.println();
        out.println("== Reactions, counted in the database (rule_evaluation, customer_event.react_due_at)");
        double untilEmpty = (f.drain().at() - f.loadStart()) / 1e9;
        double drainSeconds = (f.drain().at() - f.loadEnd()) / 1e9;
        long evaluations = f.atEnd().evaluations() - f.atStart().evaluations();
        double evaluatedPerSecond = evaluations / untilEmpty;
        long reacted = f.events() - f.drain().backlog();
        report.line(
                "%-16s %d posted by the load (warm-up and window) are in customer_event; %d still due, %d failing",
                "events", f.events(), f.drain().backlog(), f.failing());
        report.line(
                "%-16s %d rows for this load, %.2f per event (%d rules on each type); all by outcome: %s",
                "evaluations",
                evaluations,
                reacted == 0 ? Double.NaN : (double) evaluations / reacted,
                EventRules.RULES_PER_TYPE,
                f.outcomes());
        report.line(
                "%-16s %.1f   over %.1f s, from the load's start to %s",
                "evaluated/s",
                evaluatedPerSecond,
                untilEmpty,
                switch (f.drain().end()) {
                    case EMPTY -> "an empty backlog";
                    case TIME_UP -> "the end of the wait (!!! BACKLOG NOT EMPTY)";
                    case STALLED -> "a stalled backlog (!!! NOT EMPTY, NOT SHRINKING FOR 60 S)";
                });
        report.line(
                "%-16s %.1f evaluated/s within the window; backlog %d events at its start, %d at its end",
                "  in the window",
                f.windowEvaluations() / (window.toNanos() / 1e9),
                f.backlogAtWindowStart(),
                f.backlogAtWindowEnd());
        report.line(
                "%-16s %.1f s for the %d events due when the load stopped (%.1f evaluated/s, no intake)",
                "  drain",
                drainSeconds,
                f.atLoadEnd().backlog(),
                drainSeconds <= 0
                        ? Double.NaN
                        : (f.atEnd().evaluations() - f.atLoadEnd().evaluations()) / drainSeconds);
        double accepted = f.load().throughput();
        double ratio = accepted == 0 ? Double.NaN : evaluatedPerSecond / accepted;
        report.line(
                "%-16s %.2f evaluated/s per accepted/s: each event makes %d evaluations, so the reactions kept pace"
                        + " with %.0f %% of the intake",
                "ratio", ratio, EventRules.RULES_PER_TYPE, 100 * ratio / EventRules.RULES_PER_TYPE);
        if (samplerFailure != null) {
            report.line("!!! the sampler stopped early (window figures incomplete): %s", samplerFailure);
        }
        report.machine();
    }

    /**
     * What one run measured, for the report.
     *
     * @param load the load's phase
     * @param events the load's events in the database (warm-up and window)
     * @param atStart the database before the load
     * @param atLoadEnd the database when the clients stopped
     * @param atEnd the database after the wait for the backlog
     * @param loadStart when the load started ({@link System#nanoTime()})
     * @param loadEnd when the clients stopped
     * @param drain how the wait for the backlog ended
     * @param windowEvaluations evaluations made within the measured window (from the samples)
     * @param backlogAtWindowStart events due when the window started
     * @param backlogAtWindowEnd events due when the window ended
     * @param failing events whose reactions failed
     * @param outcomes all evaluations by outcome
     */
    private record Figures(
            PhaseResult load,
            long events,
            ReactionProgress.Snapshot atStart,
            ReactionProgress.Snapshot atLoadEnd,
            ReactionProgress.Snapshot atEnd,
            long loadStart,
            long loadEnd,
            ReactionProgress.Drain drain,
            long windowEvaluations,
            long backlogAtWindowStart,
            long backlogAtWindowEnd,
            long failing,
            Map<String, Long> outcomes) {}
}
