package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deliverable as an operator runs it: {@code java -jar loyalty.jar} with nothing configured
 * starts its embedded MariaDB, serves, mints demonstration tokens, stops cleanly on SIGTERM and
 * finds its data again after a restart.
 */
class LauncherIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));
    static final int PORT = ServiceProcess.freePort();
    static final Path DATA = JAR.getParent().resolve("launcher-it-data");
    static final Path LOG = DATA.getParent().resolve("launcher-it.log");

    @Test
    void startsOnItsEmbeddedDatabaseAndKeepsTheDataAcrossARestart() throws Exception {
        deleteRecursively(DATA);
        String admin;
        String email = "restart." + System.nanoTime() + "@example.com";
        Api.Reply enrolled;
        long firstStart;
        try (ServiceProcess first = start()) {
            firstStart = first.awaitReady();
            admin = run("token", "admin").trim();
            enrolled = Api.at(PORT)
                    .post(
                            "/api/v1/customers",
                            admin,
                            """
                    {"firstName": "Elena", "email": "%s", "preferredChannel": "EMAIL",
                     "consents": {"marketingEmail": true}, "enrolmentChannel": "WEB"}"""
                                    .formatted(email));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
            first.stop();
        }
        long secondStart;
        Api.Reply found;
        Api.Reply tiers;
        Api.Reply probe;
        Api.Reply minted;
        Api.Reply mintedWorks;
        try (ServiceProcess second = start()) {
            secondStart = second.awaitReady();
            // in the second start: the log read below is this start's
            String forged = admin.substring(0, admin.lastIndexOf('.') + 1) + "AAAA";
            assertThat(Api.at(PORT).get("/api/v1/tiers", forged).status()).isEqualTo(401);
            found = Api.at(PORT).get("/api/v1/customers/lookup?email=" + email, admin);
            tiers = Api.at(PORT).get("/api/v1/tiers", admin);
            // the console's development sign-in: on an embedded run with its development keys, a
            // caller on the same machine gets an admin token that the service accepts
            probe = Api.at(PORT).get("/api/v1/development-token", null);
            minted = Api.at(PORT).post("/api/v1/development-token", null, "");
            mintedWorks = minted.status() == 200
                    ? Api.at(PORT).get("/api/v1/tiers", minted.json().getString("token"))
                    : minted;
            second.stop();
        }

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        JsonObject elena = found.json();
        assertThat(elena.getString("customerId")).isEqualTo(enrolled.json().getString("customerId"));
        assertThat(elena.containsKey("tier"))
                .as("no tier before a tier programme is set")
                .isFalse();
        assertThat(tiers.isProblem("tier-programme-missing"))
                .as(tiers.toString())
                .isTrue();
        assertThat(probe.status()).as(probe.toString()).isEqualTo(204);
        assertThat(minted.status()).as(minted.toString()).isEqualTo(200);
        assertThat(mintedWorks.isProblem("tier-programme-missing"))
                .as("the minted token is an admin's: " + mintedWorks)
                .isTrue();
        assertThat(Files.readString(DATA.resolve("mariadb/credentials.properties")))
                .contains("password=");
        assertThat(Files.readString(LOG))
                .as("a refused token writes nothing at the default level (one FINE line at most), see " + LOG)
                .doesNotContain("Exception trying to parse JWT token")
                .doesNotContain("JWTProcessingException")
                .doesNotContain("Bearer token refused");
        assertThat(Files.readString(LOG))
                .as("the restart's log names the schema's version, see " + LOG)
                .containsPattern("Schema at version \\d+(\\.\\d+)* \\(0 migrations applied");
        System.out.printf(
                "loyalty.jar ready in %d ms on a fresh data directory, %d ms on restart%n", firstStart, secondStart);
    }

    @Test
    void carriesTheModuleFlagsOfThePayaraMicroItEmbeds() throws IOException {
        Path payara = Path.of(System.getProperty("payara.microJar"));
        try (JarFile ours = new JarFile(JAR.toFile());
                JarFile theirs = new JarFile(payara.toFile())) {
            for (String flag : List.of("Add-Opens", "Add-Exports")) {
                assertThat(ours.getManifest().getMainAttributes().getValue(flag))
                        .as(flag)
                        .isEqualTo(theirs.getManifest().getMainAttributes().getValue(flag));
            }
        }
    }

    @Test
    void mintsNoTokenWhenARealKeyIsConfigured() throws Exception {
        ProcessBuilder token = command("token", "admin");
        token.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://idp.example.com/keys");
        Process process = token.redirectErrorStream(true).start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("identity provider").doesNotContain("eyJ");
    }

    @Test
    void trustsAKeyGivenAsAPlainPath() throws Exception {
        Map<String, String> env = ServiceProcess.sharedDatabaseEnv();
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Api.keys().publicKeyFile().toString());
        Path data = DATA.resolveSibling("launcher-it-plain-key");
        Path log = DATA.resolveSibling("launcher-it-plain-key.log");
        Api.Reply rules;
        try (ServiceProcess service = ServiceProcess.start(JAR, ServiceProcess.freePort(), data, log, env)) {
            service.awaitReady();
            rules = service.api().get("/api/v1/earning-rules", Api.admin());
            service.stop();
        }

        assertThat(rules.status())
                .as("a token signed with the key at the plain path is accepted: " + rules)
                .isEqualTo(200);
    }

    @Test
    void aKeyLocationItCannotReadStopsTheStartWithOneLine() throws Exception {
        String line = refusedToStart(Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/etc/keys/no-such-public.pem"));

        assertThat(line).startsWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION").contains("/etc/keys/no-such-public.pem");
    }

    @Test
    void aRateLimitThatCannotWorkStopsTheStartWithOneLine() throws Exception {
        String line = refusedToStart(Map.of("LOYALTY_LIMITS_LOOKUP_PER_STORE", "-1"));

        assertThat(line).startsWith("LOYALTY_LIMITS_LOOKUP_PER_STORE must be a whole number");
    }

    @Test
    void refusesDevelopmentKeysWithAnExternalDatabase() throws Exception {
        String line = refusedToStart(Map.of("LOYALTY_DB_URL", System.getProperty("loyalty.it.db.url")));

        assertThat(line)
                .startsWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set")
                .contains("LOYALTY_DEV_KEYS=true");
    }

    @Test
    void refusesTheDevelopmentLinkSecretWithRealEmails() throws Exception {
        String line = refusedToStart(Map.of("LOYALTY_EMAIL_PROVIDER", "smtp", "LOYALTY_SMTP_HOST", "127.0.0.1"));

        assertThat(line).startsWith("LOYALTY_MESSAGING_LINK_SECRET is not set");
    }

    /** Starts the service with {@code env}: it must exit with code 2 and one line, which is returned. */
    static String refusedToStart(Map<String, String> env) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("LOYALTY_DATA_DIR", DATA.resolveSibling("launcher-it-refused").toString());
        Process process =
                ServiceProcess.command(JAR, all).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output.strip().lines()).as(output).hasSize(1);
        return output.strip();
    }

    private static ProcessBuilder command(String... args) {
        return ServiceProcess.command(JAR, Map.of("LOYALTY_DATA_DIR", DATA.toString()), args);
    }

    private static ServiceProcess start() throws IOException {
        return ServiceProcess.start(JAR, PORT, DATA, LOG, Map.of());
    }

    private static String run(String... args) throws Exception {
        Process process =
                command(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
