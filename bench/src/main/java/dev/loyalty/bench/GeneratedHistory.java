package dev.loyalty.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A programme with years of history, filled by the jar's own {@code generate} command (plain SQL:
 * stores, the catalogue with consumption periods and cross-sell pairs, customers with consents,
 * receipts and lines) into the benchmark's database, its output in {@code generate.log}.
 */
final class GeneratedHistory {

    /** The seed every benchmark generates with: the same data for the same sizes. */
    static final long SEED = 42;

    private GeneratedHistory() {}

    /**
     * Runs the generator and waits for it.
     *
     * @param months how many months of history, or 0 for the generator's default
     */
    static void generate(Path jar, Path dataDir, String dbUrl, Path run, long customers, long receipts, int months)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ServiceProcess.java(),
                "-jar",
                jar.toString(),
                "generate",
                "--customers",
                String.valueOf(customers),
                "--receipts",
                String.valueOf(receipts),
                "--seed",
                String.valueOf(SEED)));
        if (months > 0) {
            command.addAll(List.of("--months", String.valueOf(months)));
        }
        ProcessBuilder generate = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("generate.log").toFile());
        generate.environment().keySet().removeIf(name -> name.startsWith("LOYALTY_"));
        generate.environment().put("LOYALTY_DB_URL", dbUrl);
        generate.environment().put("LOYALTY_DB_USER", "root");
        generate.environment().put("LOYALTY_DB_PASSWORD", "");
        if (generate.start().waitFor() != 0) {
            throw new IllegalStateException("the generator failed: " + Files.readString(run.resolve("generate.log")));
        }
    }
}
