package dev.loyalty.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Optional<Integer> run(String... args) {
        Settings settings = Settings.from(Map.of("LOYALTY_DATA_DIR", dataDir.toString()));
        return Main.command(
                settings,
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startsTheServiceWithoutArgumentsOrWithPayaraOptionsAfterTheSeparator() {
        assertThat(run()).isEmpty();
        assertThat(run("--", "--nocluster")).isEmpty();
    }

    @Test
    void helpPrintsTheUsageAndStartsNothing() {
        assertThat(run("--help")).contains(0);

        assertThat(out()).startsWith("usage: java -jar loyalty.jar").contains("token ROLE", "LOYALTY_ACCESS_LOG");
        assertThat(err()).isEmpty();
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void anUnknownArgumentIsRefusedInOneLine() {
        assertThat(run("--port", "9090")).contains(2);

        assertThat(err())
                .isEqualTo("Unknown argument: --port (java -jar loyalty.jar --help lists the commands)"
                        + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void aTokenNeedsTheKeyPairOfTheDataDirectoryAndNeverCreatesOne() {
        assertThat(run("token", "admin")).contains(2);

        assertThat(err().lines())
                .singleElement()
                .asString()
                .contains(dataDir.resolve("dev-jwt").toString());
        assertThat(out()).isEmpty();
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void aTokenIsMintedWithTheKeyPairTheServiceMade() {
        new DevKeys(dataDir).publicKeyFile();

        assertThat(run("token", "terminal", "--store", "MI-001", "--minutes", "5"))
                .contains(0);

        assertThat(out()).startsWith("eyJ");
    }

    @Test
    void tokenOptionsAreChecked() {
        new DevKeys(dataDir).publicKeyFile();

        assertThat(run("token", "admin", "--minute", "5")).contains(2);
        assertThat(run("token", "admin", "--minutes")).contains(2);
        assertThat(run("token", "admin", "--minutes", "soon")).contains(2);
        assertThat(out()).isEmpty();
    }

    @Test
    void payaraLogsInColourOnlyOnATerminalAndSilencesTheTrustStoresExpiryWarnings() throws Exception {
        String plain = Files.readString(PayaraLogging.writeProperties(dataDir.resolve("plain.properties"), false));
        String coloured = Files.readString(PayaraLogging.writeProperties(dataDir.resolve("tty.properties"), true));

        assertThat(plain)
                .contains("ODLLogFormatter.ansiColor=false", "javax.enterprise.system.security.ssl.level=SEVERE")
                .doesNotContain("${");
        assertThat(coloured).contains("ODLLogFormatter.ansiColor=true");
    }

    @Test
    void theAccessLogIsOffByDefaultAndNeverWritesQueryStrings() {
        assertThat(Settings.from(Map.of()).accessLog()).isFalse();
        assertThat(Settings.from(Map.of("LOYALTY_ACCESS_LOG", "true")).accessLog())
                .isTrue();
        assertThat(PayaraLogging.arguments(Path.of("l.properties"), Optional.empty()))
                .containsExactly("--logproperties", "l.properties");
        assertThat(String.join(" ", PayaraLogging.arguments(Path.of("l.properties"), Optional.of(Path.of("acc")))))
                .contains("--accesslog acc", "%http-uri%")
                .doesNotContain("%query-str%", "%request%");
    }
}
