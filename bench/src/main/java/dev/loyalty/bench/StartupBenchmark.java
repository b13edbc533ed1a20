package dev.loyalty.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long {@code java -jar loyalty.jar} takes to answer {@code GET /health/ready} with 200 against
 * a MariaDB of its own process (the external case: no embedded database started by the launcher),
 * and where the time goes, read from the {@code timeMillis} of the service's log lines: the JVM and
 * the launcher up to Payara Micro's runtime, Payara's boot, the deployment (up to Weld, Weld and
 * the EJB and JPA containers, the rest), Flyway and the time to the first 200. The first start
 * migrates an empty schema; the others find it current (a restart). Each start's service CPU and
 * the load average are printed beside it; the medians of the restarts at the end.
 *
 * <p>{@code -Dbench.starts=6} (the first included), {@code -Dbench.jvmOptions="..."} as for every
 * benchmark; with {@code -Dbench.jvmOptionsB="..."} (e.g. a class data sharing archive: {@code
 * -XX:SharedArchiveFile=...}) the restarts alternate between the two and each gets its medians;
 * with {@code -Dbench.jarB=other/loyalty.jar} (e.g. the jar of main against a branch's) the B
 * restarts start that jar instead, so that a change of the code is measured under the same load.
 */
public final class StartupBenchmark {

    private static final Pattern TIME = Pattern.compile("\\[timeMillis: (\\d+)]");

    /** The log's milestones, in the order they happen; a start's breakdown is their differences. */
    private static final List<Milestone> MILESTONES = List.of(
            new Milestone("runtime", "Built Payara Micro Runtime"),
            new Milestone("payara", "startup time : Embedded"),
            new Milestone("weld", "WELD-000900"),
            new Milestone("ejb", "Portable JNDI names for EJB"),
            new Milestone("deployed", "was successfully deployed in"),
            new Milestone("flyway", "org.flywaydb.core"),
            new Milestone("migrated", "Schema at version"));

    private record Milestone(String name, String text) {}

    private StartupBenchmark() {}

    /** Runs the starts and prints each one's breakdown and the medians. */
    public static void main(String[] args) throws Exception {
        Logger.getLogger("ch.vorburger").setLevel(Level.WARNING);
        System.setProperty("mariadb.logging.disable", "true");
        BenchSettings settings = BenchSettings.fromSystemProperties();
        int starts = Integer.getInteger("bench.starts", 6);
        if (starts < 1 || starts > 50) {
            throw new IllegalArgumentException("bench.starts must be 1..50 (the first migrates, the rest restart)");
        }
        PrintStream out = System.out;
        Path run = Files.createDirectories(settings.workRoot()
                .resolve("startup-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Teardown.around(run, out, teardown -> {
            out.printf(
                    "start-up benchmark: %d starts of %s, JVM options %s%n",
                    starts, settings.jar(), ServiceProcess.jvmOptions());
            out.println("  files of this run: " + run);
            Path dbHome = run.resolve("mariadb");
            if (!settings.keepFiles()) {
                teardown.add("deleting the run's files", () -> {
                    PurchaseBenchmark.deleteTree(dbHome);
                    PurchaseBenchmark.deleteTree(run.resolve("service-data"));
                });
            }
            BenchDatabase db = BenchDatabase.start(settings.mariadbBase(), dbHome);
            teardown.add("stopping MariaDB", db);
            Path dataDir = Files.createDirectories(run.resolve("service-data"));
            String optionsA = System.getProperty("bench.jvmOptions", "");
            String jarB = System.getProperty("bench.jarB");
            String optionsB = System.getProperty("bench.jvmOptionsB", jarB == null ? null : optionsA);
            Path jarOfB = jarB == null ? settings.jar() : Path.of(jarB).toAbsolutePath();
            if (!Files.isRegularFile(jarOfB)) {
                throw new IllegalArgumentException("bench.jarB: no jar at " + jarOfB);
            }
            List<Map<String, Long>> restartsA = new ArrayList<>();
            List<Map<String, Long>> restartsB = new ArrayList<>();
            List<Map<String, Long>> floorsA = new ArrayList<>();
            List<Map<String, Long>> floorsB = new ArrayList<>();
            Optional<Path> floorWar = Boolean.parseBoolean(System.getProperty("bench.floor", "true"))
                    ? Optional.of(floorWar(run.resolve("floor.war")))
                    : Optional.empty();
            for (int i = 1; i <= starts; i++) {
                // with a B variant the restarts alternate B, A, B, A... so that both see the same load
                boolean b = optionsB != null && i > 1 && i % 2 == 0;
                System.setProperty("bench.jvmOptions", b ? optionsB : optionsA);
                Map<String, Long> phases =
                        start(b ? jarOfB : settings.jar(), db, dataDir, run.resolve("service-" + i + ".log"));
                out.printf(
                        "  start %d%s (%s): %s, load %s%n",
                        i,
                        optionsB == null ? "" : b ? " B" : " A",
                        i == 1 ? "empty schema" : "schema current",
                        describe(phases),
                        CpuClock.loadAverage());
                if (i > 1) {
                    (b ? restartsB : restartsA).add(phases);
                }
                if (i > 1 && floorWar.isPresent()) {
                    // the stack's floor, started between the service's restarts so that both see the same load
                    Map<String, Long> floor = startFloor(floorWar.get(), run.resolve("floor-" + i));
                    out.printf(
                            "  floor %d%s (plain Payara Micro, one JAX-RS resource): %s, load %s%n",
                            i, optionsB == null ? "" : b ? " B" : " A", describe(floor), CpuClock.loadAverage());
                    (b ? floorsB : floorsA).add(floor);
                }
            }
            System.setProperty("bench.jvmOptions", optionsA);
            String labelB = "B [" + optionsB + (jarB == null ? "" : ", " + jarOfB) + "] ";
            printMedians(out, optionsB == null ? "" : "A [" + optionsA + "] ", restartsA);
            printMedians(out, labelB, restartsB);
            printMedians(out, "floor " + (optionsB == null ? "" : "A [" + optionsA + "] "), floorsA);
            printMedians(out, "floor " + labelB, floorsB);
            printRatio(out, optionsB == null ? "" : "A ", restartsA, floorsA);
            printRatio(out, "B ", restartsB, floorsB);
        });
    }

    private static void printMedians(PrintStream out, String label, List<Map<String, Long>> restarts) {
        if (restarts.isEmpty()) {
            return;
        }
        Map<String, Long> medians = new LinkedHashMap<>();
        for (String phase : restarts.get(0).keySet()) {
            long[] values = restarts.stream()
                    .mapToLong(p -> p.getOrDefault(phase, -1L))
                    .sorted()
                    .toArray();
            medians.put(phase, values[values.length / 2]);
        }
        out.printf("  %smedian of %d restarts: %s%n", label, restarts.size(), describe(medians));
    }

    /** One start: the milliseconds of each phase, the total to the first 200 and the service's CPU. */
    private static Map<String, Long> start(Path jar, BenchDatabase db, Path dataDir, Path log)
            throws IOException, InterruptedException {
        ServiceProcess service =
                ServiceProcess.start(jar, dataDir, PurchaseBenchmark.freeLoopbackPort(), db.url(), log);
        try {
            Instant began = ProcessHandle.of(service.pid())
                    .flatMap(p -> p.info().startInstant())
                    .orElseGet(Instant::now);
            Api api = new Api(service.port());
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            long readyAt = -1;
            List<long[]> cpuSamples = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                cpuSamples.add(new long[] {System.currentTimeMillis(), processCpuMillis(service.pid())});
                try {
                    if (api.get("/health/ready", null, Duration.ofSeconds(5)).status() == 200) {
                        readyAt = System.currentTimeMillis();
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                // often enough for a tenth of a second, rarely enough not to weigh on the start
                Thread.sleep(100);
            }
            if (readyAt < 0) {
                throw new IllegalStateException("not ready within 10 minutes:\n" + service.tail());
            }
            cpuSamples.add(new long[] {readyAt, processCpuMillis(service.pid())});
            Map<String, Long> phases = phases(began.toEpochMilli(), readyAt, Files.readAllLines(log), cpuSamples);
            phases.putAll(threadCpu(service.pid()));
            return phases;
        } finally {
            service.close();
        }
    }

    /** The service's median CPU and time to ready against the floor's, with the floor's share of each. */
    private static void printRatio(
            PrintStream out, String label, List<Map<String, Long>> restarts, List<Map<String, Long>> floors) {
        if (restarts.isEmpty() || floors.isEmpty()) {
            return;
        }
        long serviceTotal = median(restarts, "total");
        long serviceCpu = median(restarts, "service cpu");
        long floorTotal = median(floors, "total");
        long floorCpu = median(floors, "service cpu");
        out.printf(
                "  %sservice/floor: to ready %.2f s / %.2f s (floor %.0f %%), CPU %.2f s / %.2f s (floor %.0f %%)%n",
                label,
                serviceTotal / 1e3,
                floorTotal / 1e3,
                100.0 * floorTotal / serviceTotal,
                serviceCpu / 1e3,
                floorCpu / 1e3,
                100.0 * floorCpu / serviceCpu);
    }

    private static long median(List<Map<String, Long>> starts, String key) {
        long[] values =
                starts.stream().mapToLong(p -> p.getOrDefault(key, 0L)).sorted().toArray();
        return values[values.length / 2];
    }

    /**
     * Packs the floor application ({@code dev.loyalty.bench.floor}, compiled with this module) into
     * a WAR: its two classes under {@code WEB-INF/classes}, nothing else.
     */
    static Path floorWar(Path war) throws IOException {
        return war(war, List.of("FloorApplication", "FloorResource"), List.of());
    }

    /**
     * The wrk benchmark's purchase floor: the floor application with {@code POST /floor/purchases}
     * ({@link dev.loyalty.bench.floor.FloorPurchaseResource}), i.e. every class of {@code
     * dev.loyalty.bench.floor}, and the MariaDB driver this JVM has under {@code WEB-INF/lib}.
     */
    static Path purchaseFloorWar(Path war) throws IOException {
        Path driver;
        try {
            driver = Path.of(org.mariadb.jdbc.Driver.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("where is the MariaDB driver's jar?", e);
        }
        return war(war, null, List.of(driver));
    }

    /**
     * A WAR of the floor package's classes named in {@code types} (and their nested classes; {@code
     * null}: all of them), read from this JVM's class path, with {@code libs} under {@code WEB-INF/lib}.
     */
    private static Path war(Path war, List<String> types, List<Path> libs) throws IOException {
        String folder = "dev/loyalty/bench/floor/";
        java.net.URL url = StartupBenchmark.class.getClassLoader().getResource(folder);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("the floor classes are not in a directory of the class path: " + url);
        }
        Path classes;
        try {
            classes = Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (var listing = Files.list(classes)) {
            // by name: the classes cannot be loaded here (the JAX-RS API is not on this JVM's class path)
            files = listing.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .filter(f -> types == null
                            || types.contains(f.getFileName().toString().replaceAll("[$.].*", "")))
                    .sorted()
                    .toList();
        }
        if (types != null && files.size() < types.size()) {
            throw new IllegalStateException("not every one of " + types + " is in " + classes);
        }
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(war))) {
            for (Path file : files) {
                zip.putNextEntry(new java.util.zip.ZipEntry("WEB-INF/classes/" + folder + file.getFileName()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
            for (Path lib : libs) {
                zip.putNextEntry(new java.util.zip.ZipEntry("WEB-INF/lib/" + lib.getFileName()));
                Files.copy(lib, zip);
                zip.closeEntry();
            }
        }
        return war;
    }

    /**
     * Starts plain Payara Micro ({@code bench.payaraMicro}, the service's version, with the options
     * the service's uber jar is built with: {@code --nohazelcast --disablephonehome}, and the same JVM
     * options, {@code bench.jvmOptions}) deploying {@code war} on {@code port}, its output in {@code
     * dir/floor.log}, with {@code systemProperties} ({@code -Dname=value}) added; not ready yet.
     */
    static Process startMicro(Path war, Path dir, int port, List<String> systemProperties) throws IOException {
        Path micro = Path.of(System.getProperty("bench.payaraMicro", ""));
        if (!Files.isRegularFile(micro)) {
            throw new IllegalStateException(
                    "no Payara Micro jar at " + micro + " (-Dbench.payaraMicro, or -Dbench.floor=false)");
        }
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.java());
        command.addAll(ServiceProcess.jvmOptions());
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(systemProperties);
        command.addAll(List.of(
                "-jar",
                micro.toString(),
                "--deploy",
                war.toString(),
                "--port",
                String.valueOf(port),
                "--nohazelcast",
                "--disablephonehome"));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("floor.log").toFile())
                .start();
    }

    /** Stops a Payara Micro of {@link #startMicro}: SIGTERM, then SIGKILL after 30 s; its temporary files go. */
    static void stopMicro(Process process, Path dir) throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        PurchaseBenchmark.deleteTree(dir.resolve("tmp"));
    }

    /**
     * One start of plain Payara Micro ({@link #startMicro}) deploying the floor WAR: the time and CPU
     * to its first 200 on {@code /floor/ping}, and the CPU by kind of thread.
     */
    private static Map<String, Long> startFloor(Path war, Path dir) throws IOException, InterruptedException {
        int port = PurchaseBenchmark.freeLoopbackPort();
        Files.createDirectories(dir);
        Process process = startMicro(war, dir, port, List.of());
        try {
            Instant began = process.info().startInstant().orElseGet(Instant::now);
            Api api = new Api(port);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    if (api.get("/floor/ping", null, Duration.ofSeconds(5)).status() == 200) {
                        long readyAt = System.currentTimeMillis();
                        Map<String, Long> result = new LinkedHashMap<>();
                        result.put("total", readyAt - began.toEpochMilli());
                        result.put("service cpu", processCpuMillis(process.pid()));
                        result.putAll(threadCpu(process.pid()));
                        return result;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException(
                    "the floor application was not ready (log: " + dir.resolve("floor.log") + ")");
        } finally {
            stopMicro(process, dir);
        }
    }

    /** The phases between the milestones found in the log (a missing one merges into the next). */
    static Map<String, Long> phases(long began, long readyAt, List<String> lines, List<long[]> cpuSamples) {
        Map<String, Long> at = new LinkedHashMap<>();
        for (Milestone milestone : MILESTONES) {
            first(lines, milestone.text()).ifPresent(t -> at.put(milestone.name(), t));
        }
        Map<String, Long> phases = new LinkedHashMap<>();
        long previous = began;
        String[] names = {
            "jvm+launcher",
            "payara boot",
            "deploy to weld",
            "weld+ejb",
            "deploy rest",
            "to flyway",
            "flyway",
            "to ready"
        };
        String[] ends = {"runtime", "payara", "weld", "ejb", "deployed", "flyway", "migrated"};
        for (int i = 0; i < ends.length; i++) {
            Long end = at.get(ends[i]);
            if (end != null) {
                phases.put(names[i], end - previous);
                phases.put(names[i] + " cpu", cpuAt(cpuSamples, end) - cpuAt(cpuSamples, previous));
                previous = end;
            }
        }
        phases.put(names[names.length - 1], readyAt - previous);
        phases.put(names[names.length - 1] + " cpu", cpuAt(cpuSamples, readyAt) - cpuAt(cpuSamples, previous));
        phases.put("total", readyAt - began);
        phases.put("service cpu", cpuAt(cpuSamples, readyAt));
        return phases;
    }

    /** The process's CPU at the last sample taken at or before {@code millis} (0 before the first). */
    private static long cpuAt(List<long[]> samples, long millis) {
        long cpu = 0;
        for (long[] sample : samples) {
            if (sample[0] > millis) {
                break;
            }
            cpu = sample[1];
        }
        return cpu;
    }

    /** utime + stime of a process from {@code /proc/PID/stat}, in milliseconds (100 ticks a second). */
    private static long processCpuMillis(long pid) {
        return statCpuMillis(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static long statCpuMillis(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The service's CPU so far by kind of thread: the JIT compilers, GC and VM threads, the rest. */
    private static Map<String, Long> threadCpu(long pid) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("cpu jit", 0L);
        kinds.put("cpu gc+vm", 0L);
        kinds.put("cpu other", 0L);
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue;
                }
                String kind = name.contains("Compiler")
                        ? "cpu jit"
                        : name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM ")
                                ? "cpu gc+vm"
                                : "cpu other";
                kinds.merge(kind, statCpuMillis(task.resolve("stat")), Long::sum);
            }
        } catch (IOException e) {
            // the process is gone: no breakdown
        }
        return kinds;
    }

    private static Optional<Long> first(List<String> lines, String text) {
        for (String line : lines) {
            if (line.contains(text)) {
                Matcher time = TIME.matcher(line);
                if (time.find()) {
                    return Optional.of(Long.parseLong(time.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Map<String, Long> phases) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Long> phase : phases.entrySet()) {
            if (phase.getKey().endsWith(" cpu")
                    && phases.containsKey(phase.getKey().replace(" cpu", ""))) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(phase.getKey()).append(' ').append(String.format("%.2f s", phase.getValue() / 1e3));
            Long cpu = phases.get(phase.getKey() + " cpu");
            if (cpu != null) {
                text.append(String.format(" (CPU %.2f)", cpu / 1e3));
            }
        }
        return text.toString();
    }
}
