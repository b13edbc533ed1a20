package dev.loyalty.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service under test: {@code java -jar loyalty.jar} as a child process on a free port, its own
 * data directory (development JWT keys), the benchmark's database, its output in a log file.
 * {@link #close()} stops it with SIGTERM, then forcibly after 30 s; it may be called more than once.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar; it is not ready yet ({@link #awaitReady}). */
    static ServiceProcess start(Path jar, Path dataDir, int port, String dbUrl, Path log) throws IOException {
        return start(jar, dataDir, port, dbUrl, log, Map.of());
    }

    /** Starts the jar with more environment variables; it is not ready yet ({@link #awaitReady}). */
    static ServiceProcess start(Path jar, Path dataDir, int port, String dbUrl, Path log, Map<String, String> more)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("LOYALTY_") || name.startsWith("MP_JWT_"));
        env.put("LOYALTY_HTTP_PORT", String.valueOf(port));
        env.put("LOYALTY_DATA_DIR", dataDir.toString());
        env.put("LOYALTY_DB_URL", dbUrl);
        env.put("LOYALTY_DB_USER", "root");
        env.put("LOYALTY_DB_PASSWORD", "");
        // the benchmark mints its tokens with the development keys, on a database of its own
        env.put("LOYALTY_DEV_KEYS", "true");
        // one terminal token plays every till of the load: the anti-guessing limits would measure
        // themselves (a run may still set them through {@code more})
        for (String limit : List.of(
                "LOYALTY_LIMITS_LOOKUP_PER_TOKEN",
                "LOYALTY_LIMITS_LOOKUP_PER_STORE",
                "LOYALTY_LIMITS_QUOTE_PER_TOKEN",
                "LOYALTY_LIMITS_QUOTE_PER_STORE")) {
            env.put(limit, "1000000");
        }
        // its tokens live two hours (a run over a million customers outlasts the staff default of 60 min)
        env.put("LOYALTY_TOKENS_STAFF_MAX_MINUTES", "240");
        env.putAll(more);
        return new ServiceProcess(builder.start(), log, port);
    }

    /**
     * The service JVM's extra options, {@code -Dbench.jvmOptions="..."} split on blanks (e.g. a
     * flight recording: {@code -XX:StartFlightRecording=filename=/tmp/service.jfr,settings=profile}).
     */
    static List<String> jvmOptions() {
        String raw = System.getProperty("bench.jvmOptions", "").strip();
        return raw.isEmpty() ? List.of() : List.of(raw.split("\\s+"));
    }

    /** The java launcher of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The operating system's id of the process (for its CPU time). */
    long pid() {
        return process.pid();
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    /** The file its output goes to. */
    Path log() {
        return log;
    }

    /**
     * Polls {@code GET /health/ready} until it answers 200; fails if the process dies or the time
     * runs out, quoting the end of the log.
     *
     * @return how long it took
     */
    Duration awaitReady(Api api, Duration limit) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the service exited with " + process.exitValue() + " before it was ready:\n" + tail());
            }
            try {
                if (api.get("/health/ready", null).status() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service was not ready within " + limit.toSeconds() + " s:\n" + tail());
    }

    /** The last lines of the service's log. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Stops the process: SIGTERM, up to 30 s for a clean stop ({@code -Dbench.stopSeconds}: a JVM
     * writing a class data sharing archive at exit needs longer), then SIGKILL.
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(Long.getLong("bench.stopSeconds", 30), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
