package dev.loyalty.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What one run measures, from {@code -Dbench.*} system properties with defaults. Every figure is
 * positive; the jar must exist.
 *
 * @param seconds the measured window of each phase
 * @param warmupSeconds the unmeasured warm-up before it (default a third of {@code seconds})
 * @param clients concurrent clients (threads) in each phase
 * @param customers customers enrolled before the load
 * @param couponsPerPhase bearer codes issued for each phase (one purchase in five uses one)
 * @param maxRequestsPerPhase a hard cap on the operations of a phase, warm-up included
 * @param jar the {@code loyalty.jar} measured ({@code lib/} beside it)
 * @param migrations the directory holding {@code V5__*.sql}, applied by the baseline if missing
 * @param workRoot where each run's directory (service log, database files) is made
 * @param mariadbBase MariaDB's unpacked binaries, shared with the build
 * @param isolation the baseline's transaction isolation ({@code READ-COMMITTED}, as the service's pool)
 * @param keepFiles whether the run's database files are kept after the run
 * @param floorSeconds the window of the floor phase (an authenticated read without database), 0 for none
 */
record BenchSettings(
        int seconds,
        int warmupSeconds,
        int clients,
        int customers,
        int couponsPerPhase,
        long maxRequestsPerPhase,
        Path jar,
        Path migrations,
        Path workRoot,
        Path mariadbBase,
        String isolation,
        boolean keepFiles,
        int floorSeconds) {

    /** Checks the figures and that the jar exists. */
    BenchSettings {
        for (long figure :
                new long[] {seconds, warmupSeconds, clients, customers, couponsPerPhase, maxRequestsPerPhase}) {
            if (figure <= 0) {
                throw new IllegalArgumentException("every bench.* figure must be positive: " + figure);
            }
        }
        if (floorSeconds < 0) {
            throw new IllegalArgumentException("bench.floorSeconds must not be negative");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no service jar at " + jar
                    + " (build it with: mvn -B -q package -DskipTests, or set -Dbench.jar=...)");
        }
        if (!isolation.equals("REPEATABLE-READ") && !isolation.equals("READ-COMMITTED")) {
            throw new IllegalArgumentException("bench.isolation must be REPEATABLE-READ or READ-COMMITTED");
        }
    }

    /** The settings of this JVM's {@code bench.*} system properties. */
    static BenchSettings fromSystemProperties() {
        int seconds = intProperty("bench.seconds", 30);
        String home = System.getProperty("user.home");
        return new BenchSettings(
                seconds,
                intProperty("bench.warmup", Math.max(1, seconds / 3)),
                intProperty("bench.clients", 32),
                intProperty("bench.customers", 2000),
                intProperty("bench.coupons", 20_000),
                Long.parseLong(System.getProperty("bench.maxRequests", "1000000")),
                path("bench.jar", "app/target/loyalty.jar"),
                path("bench.migrations", "adapters-persistence/src/main/resources/db/migration"),
                path("bench.workRoot", "bench/target/bench-runs"),
                path("bench.mariadbBase", home + "/.cache/loyalty-build/mariadb-11.4.5"),
                System.getProperty("bench.isolation", "READ-COMMITTED").trim().toUpperCase(Locale.ROOT),
                Boolean.parseBoolean(System.getProperty("bench.keep", "false")),
                intProperty("bench.floorSeconds", 15));
    }

    /** An integer property, or the fallback when it is not set. */
    static int intProperty(String name, int fallback) {
        String raw = System.getProperty(name);
        try {
            return raw == null || raw.isBlank() ? fallback : Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got: " + raw, e);
        }
    }

    /** A path property made absolute, or the fallback when it is not set. */
    static Path path(String name, String fallback) {
        String raw = System.getProperty(name);
        return Path.of(raw == null || raw.isBlank() ? fallback : raw.trim())
                .toAbsolutePath()
                .normalize();
    }
}
