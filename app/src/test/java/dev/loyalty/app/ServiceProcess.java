package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar loyalty.jar} as a child process, as an operator runs it. */
final class ServiceProcess implements AutoCloseable {

    /** The key of the service's digests in the tests (the shared database's referrals are keyed with it). */
    static final String HASH_SECRET = "it-hash-secret-0123456789";

    private final Process process;
    private final int port;
    private final Path log;
    private final long started = System.nanoTime();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The java command running the jar with these arguments, in a clean environment (no LOYALTY_ or
     * MP_JWT variables inherited) plus {@code env}.
     */
    static ProcessBuilder command(Path jar, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(jar.getParent().toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("LOYALTY_") || key.startsWith("MP_JWT"));
        builder.environment().putAll(env);
        return builder;
    }

    /** Starts the service on {@code port} with its data in {@code dataDir}; output goes to {@code log}. */
    static ServiceProcess start(Path jar, int port, Path dataDir, Path log, Map<String, String> env)
            throws IOException {
        Files.createDirectories(dataDir);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("LOYALTY_DATA_DIR", dataDir.toString());
        all.put("LOYALTY_HTTP_PORT", String.valueOf(port));
        // the same key as the Arquillian deployments' (arquillian.xml), which share the database
        all.putIfAbsent("LOYALTY_HASH_SECRET", HASH_SECRET);
        Process process = command(jar, all)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceProcess(process, port, log);
    }

    /**
     * @return a loopback port free right now: chosen when the process starts rather than when the
     *     build starts, so that no connection of the build can have taken it meanwhile
     */
    /**
     * @return the environment of a service on the build's MariaDB, trusting the tests' JWT key (a
     *     mutable copy, for a test to add its own)
     */
    static Map<String, String> sharedDatabaseEnv() {
        return new java.util.HashMap<>(Map.of(
                "LOYALTY_DB_URL", System.getProperty("loyalty.it.db.url"),
                "LOYALTY_DB_USER", System.getProperty("loyalty.it.db.user"),
                "LOYALTY_DB_PASSWORD", System.getProperty("loyalty.it.db.password"),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        Api.keys().publicKeyFile().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", Api.ISSUER));
    }

    static int freePort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits (at most three minutes) for /health/ready; answers how long since the start it took. */
    long awaitReady() throws InterruptedException {
        return awaitReady(java.time.Duration.ofMinutes(3));
    }

    /** Waits (at most {@code minutes}) for /health/ready; answers how long since the start it took. */
    long awaitReady(int minutes) throws InterruptedException {
        return awaitReady(java.time.Duration.ofMinutes(minutes));
    }

    /**
     * Waits for /health/ready at most {@code within} (longer for tests that start several services
     * on a shared, loaded machine); answers how long since the start it took.
     */
    long awaitReady(java.time.Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the service exited; see " + log).isTrue();
            try {
                if (Api.at(port).get("/health/ready", null).status() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + within.toSeconds() + " s; see " + log);
    }

    Api api() {
        return Api.at(port);
    }

    /** SIGTERM, and the service must be gone within a minute. */
    void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        process.descendants().forEach(ProcessHandle::destroy);
    }

    /** SIGKILL: the service dies wherever it is, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed").isTrue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
