package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer meets following the README with {@code loyalty.jar}: the launcher's commands, the
 * start log, the page at {@code /}, the first calls of the curl session and the access log.
 */
class FirstStepsIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));
    static final Path HOME = JAR.getParent().resolve("first-steps-it");

    @Test
    void helpPrintsTheUsageAndStartsNothing() throws Exception {
        Path dir = emptyDirectory("help");
        Run help = run(dir, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).startsWith("usage: java -jar loyalty.jar").contains("token ROLE");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anUnknownArgumentIsRefusedInOneLine() throws Exception {
        Path dir = emptyDirectory("unknown");
        Run unknown = run(dir, "--port", "9090");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output().lines()).singleElement().asString().contains("Unknown argument: --port");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aTokenFromADirectoryWithoutTheServicesKeysIsRefusedNamingWhereItLooked() throws Exception {
        Path dir = emptyDirectory("token");
        Run token = run(dir, "token", "admin");

        assertThat(token.exitCode()).isEqualTo(2);
        assertThat(token.output().lines())
                .singleElement()
                .asString()
                .contains(dir.resolve("data").resolve("dev-jwt").toString())
                .doesNotContain("eyJ");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFirstStartLogsCleanlyAnswersTheCurlSessionAndKeepsAnAccessLogWithoutQueryStrings() throws Exception {
        Path data = emptyDirectory("service").resolve("data");
        Path log = HOME.resolve("service.log");
        int port = ServiceProcess.freePort();
        String admin;
        Api.Reply home;
        Api.Reply tiers;
        Api.Reply first;
        Api.Reply second;
        String email = "first.steps." + System.nanoTime() + "@example.com";
        try (ServiceProcess service =
                ServiceProcess.start(JAR, port, data, log, Map.of("LOYALTY_ACCESS_LOG", "true"))) {
            service.awaitReady();
            Run token = run(HOME, Map.of("LOYALTY_DATA_DIR", data.toString()), "token", "admin");
            assertThat(token.exitCode()).as(token.output()).isZero();
            admin = token.output().trim();
            Api api = service.api();
            home = api.getAccepting("/", "text/html");
            tiers = api.get("/api/v1/tiers", null);
            Api.Reply enrolled = api.post(
                    "/api/v1/customers",
                    admin,
                    """
                    {"firstName": "Marco", "email": "%s", "preferredChannel": "EMAIL",
                     "consents": {"marketingEmail": false}, "enrolmentChannel": "WEB"}"""
                            .formatted(email));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
            String customer = enrolled.json().getString("customerId");
            assertThat(api.get("/api/v1/customers/lookup?email=" + email, admin).status())
                    .isEqualTo(200);
            String adjustments = "/api/v1/customers/" + customer + "/wallet/adjustments";
            first = api.post(adjustments, admin, "{\"points\": 200, \"reason\": \"Welcome gift\"}");
            second = api.post(adjustments, admin, "{\"points\": 50, \"reason\": \"Sorry for the wait\"}");
            Thread.sleep(2_500); // the access log is written every second
            service.stop();
        }

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("/openapi", "/health/ready");
        assertThat(tiers.status()).as("GET /tiers without a token").isEqualTo(401);
        assertThat(first.json().getJsonNumber("balance").longValue())
                .as(first.toString())
                .isEqualTo(200);
        assertThat(second.json().getJsonNumber("balance").longValue())
                .as(second.toString())
                .isEqualTo(250);

        String output = Files.readString(log);
        assertThat(output)
                .as("the start log, see " + log)
                .doesNotContain("SLF4J: ", "cannot be instantiated", "2010-04-01", "has expired", "\u001b[")
                .contains("expired CA certificates", "Schema at version");
        String accessLog;
        try (Stream<Path> files = Files.list(data.resolve("access-log"))) {
            accessLog = String.join("", files.map(FirstStepsIT::read).toList());
        }
        assertThat(accessLog)
                .contains("/api/v1/customers/lookup", "/wallet/adjustments\"")
                .doesNotContain(email, "?");
    }

    private record Run(int exitCode, String output) {}

    private static Run run(Path directory, String... args) throws Exception {
        return run(directory, Map.of(), args);
    }

    private static Run run(Path directory, Map<String, String> env, String... args) throws Exception {
        Process process = ServiceProcess.command(JAR, env, args)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Path emptyDirectory(String name) throws IOException {
        Path dir = HOME.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
