package dev.loyalty.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one run of the events benchmark measures, from {@code -Dbench.*} system properties with
 * defaults (the names the purchase benchmark uses where they mean the same). Every figure is
 * positive; the jar must exist.
 *
 * @param seconds the measured window of the load
 * @param warmupSeconds the unmeasured warm-up before it
 * @param clients concurrent clients (threads) posting events
 * @param customers customers enrolled before the load
 * @param maxRequests a hard cap on the events posted, warm-up included
 * @param drainSeconds the longest wait after the load for the reactions' backlog to empty
 * @param jar the {@code loyalty.jar} measured ({@code lib/} beside it)
 * @param workRoot where each run's directory (service log, database files) is made
 * @param mariadbBase MariaDB's unpacked binaries, shared with the build
 * @param keepFiles whether the run's database files are kept after the run
 */
record EventSettings(
        int seconds,
        int warmupSeconds,
        int clients,
        int customers,
        long maxRequests,
        int drainSeconds,
        Path jar,
        Path workRoot,
        Path mariadbBase,
        boolean keepFiles) {

    /** Checks the figures and that the jar exists. */
    EventSettings {
        for (long figure : new long[] {seconds, warmupSeconds, clients, customers, maxRequests, drainSeconds}) {
            if (figure <= 0) {
                throw new IllegalArgumentException("every bench.* figure must be positive: " + figure);
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no service jar at " + jar
                    + " (build it with: mvn -B -q package -DskipTests, or set -Dbench.jar=...)");
        }
    }

    /** The settings of this JVM's {@code bench.*} system properties. */
    static EventSettings fromSystemProperties() {
        String home = System.getProperty("user.home");
        return new EventSettings(
                BenchSettings.intProperty("bench.seconds", 30),
                BenchSettings.intProperty("bench.warmup", 5),
                BenchSettings.intProperty("bench.clients", 32),
                BenchSettings.intProperty("bench.customers", 2000),
                Long.parseLong(System.getProperty("bench.maxRequests", "1000000")),
                BenchSettings.intProperty("bench.drainSeconds", 600),
                BenchSettings.path("bench.jar", "app/target/loyalty.jar"),
                BenchSettings.path("bench.workRoot", "bench/target/bench-runs"),
                BenchSettings.path("bench.mariadbBase", home + "/.cache/loyalty-build/mariadb-11.4.5"),
                Boolean.parseBoolean(System.getProperty("bench.keep", "false")));
    }
}
