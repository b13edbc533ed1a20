package dev.loyalty.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What every benchmark on a generated million shares: its settings ({@code -Dbench.jar=},
 * {@code -Dbench.workRoot=}, {@code -Dbench.mariadbBase=}, {@code -Dbench.bufferPool=1G},
 * {@code -Dbench.keep=true}), a directory of its own (or a kept one to reuse), and a teardown that
 * deletes the run's database and service data unless they are kept or reused.
 *
 * @param dir the run's directory
 * @param jar the service jar
 * @param mariadbBase the unpacked MariaDB the build uses
 * @param bufferPool the InnoDB buffer pool size
 * @param reused whether {@code dir} holds an earlier run's database
 */
record LargeRun(Path dir, Path jar, Path mariadbBase, String bufferPool, boolean reused) {

    /** The measurement, given its run and the teardown to register what it starts. */
    interface Body {
        void run(LargeRun run, Teardown teardown) throws Exception;
    }

    /** Runs {@code body} in a new directory named after the benchmark. */
    static void around(String name, PrintStream out, Body body) throws Exception {
        around(name, "", out, body);
    }

    /** Runs {@code body} in a new directory, or in {@code reuse} when it names a kept one. */
    static void around(String name, String reuse, PrintStream out, Body body) throws Exception {
        boolean keep = Boolean.parseBoolean(System.getProperty("bench.keep", "false"));
        Path jar = Path.of(System.getProperty("bench.jar", "app/target/loyalty.jar"))
                .toAbsolutePath();
        Path workRoot = Path.of(System.getProperty("bench.workRoot", "bench/target/bench-runs"))
                .toAbsolutePath();
        Path mariadbBase = Path.of(System.getProperty(
                        "bench.mariadbBase", System.getProperty("user.home") + "/.cache/loyalty-build/mariadb-11.4.5"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no service jar at " + jar + " (mvn -B -q package -DskipTests)");
        }
        boolean reused = !reuse.isBlank();
        Path dir = reused
                ? Path.of(reuse.strip()).toAbsolutePath()
                : Files.createDirectories(workRoot.resolve(
                        name + "-run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        LargeRun run = new LargeRun(dir, jar, mariadbBase, System.getProperty("bench.bufferPool", "1G"), reused);
        Teardown.around(dir, out, teardown -> {
            if (!keep && !reused) {
                teardown.add("deleting the run's database and service data", () -> {
                    PurchaseBenchmark.deleteTree(dir.resolve("mariadb"));
                    PurchaseBenchmark.deleteTree(dir.resolve("service-data"));
                });
            }
            body.run(run, teardown);
        });
    }
}
