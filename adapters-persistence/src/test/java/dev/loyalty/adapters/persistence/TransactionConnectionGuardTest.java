package dev.loyalty.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No query of the persistence adapter asks EclipseLink to read outside the transaction's connection.
 * With the {@code eclipselink.read-only} hint a query runs through the server session on a pooled
 * connection of its own: a reaction that held a wallet's lock and then waited for that second
 * connection, while the tills queued on the wallet held the whole pool, stalled until MariaDB's lock
 * wait timeout (stop 28's red CI). The same goes for an exclusive connection or a non-JTA data source.
 */
class TransactionConnectionGuardTest {

    private static final Pattern OFF_THE_TRANSACTION = Pattern.compile(
            "eclipselink\\.read-only|QueryHints\\.READ_ONLY|eclipselink\\.exclusive-connection|non-jta-data-source");

    @Test
    void noQueryReadsOnAConnectionOfItsOwn() throws IOException {
        Path main = Path.of("src", "main");
        assertThat(main).as("run from the module's directory").isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(file ->
                            file.toString().endsWith(".java") || file.toString().endsWith(".xml"))
                    .filter(file -> OFF_THE_TRANSACTION.matcher(read(file)).find())
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
