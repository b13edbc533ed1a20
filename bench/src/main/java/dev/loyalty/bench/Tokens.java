package dev.loyalty.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Development tokens minted by the jar itself ({@code java -jar loyalty.jar token ...}) with the
 * service's data directory, so they are signed with the key the service trusts.
 *
 * @param terminal a terminal token of the benchmark's store
 * @param admin an admin token
 */
record Tokens(String terminal, String admin) {

    /** The store the terminal token acts for. */
    static final String STORE = "S1";

    private static final String MINUTES = "120";

    /** Mints both tokens, valid two hours. */
    static Tokens mint(Path jar, Path dataDir) throws IOException, InterruptedException {
        return new Tokens(
                run(jar, dataDir, "terminal", "--store", STORE, "--minutes", MINUTES),
                run(jar, dataDir, "admin", "--minutes", MINUTES));
    }

    /** Mints an integration token (the website's, {@code POST /events}), valid two hours. */
    static String mintIntegration(Path jar, Path dataDir) throws IOException, InterruptedException {
        return run(jar, dataDir, "integration", "--minutes", MINUTES);
    }

    private static String run(Path jar, Path dataDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.java(), "-jar", jar.toString(), "token"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LOYALTY_") || name.startsWith("MP_JWT_"));
        builder.environment().put("LOYALTY_DATA_DIR", dataDir.toString());
        Path out = Files.createTempFile(dataDir, "token-", ".out");
        Process process = builder.redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("token " + args[0] + " did not finish within 60 s");
        }
        String output = Files.readString(out, StandardCharsets.UTF_8).trim();
        Files.delete(out);
        String[] lines = output.split("\\R");
        String token = lines[lines.length - 1].trim();
        if (process.exitValue() != 0 || token.split("\\.").length != 3) {
            throw new IllegalStateException(
                    "token " + args[0] + " failed (exit " + process.exitValue() + "):\n" + output);
        }
        return token;
    }
}
