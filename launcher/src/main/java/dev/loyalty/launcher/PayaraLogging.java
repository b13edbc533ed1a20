package dev.loyalty.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * How Payara Micro logs: its own logging properties with colour codes only when the output is a
 * terminal and without the trust store's per-certificate expiry warnings (see {@code
 * payara-logging.properties}), and optionally an access log without query strings.
 */
final class PayaraLogging {

    /** Payara Micro's bundled trust store inside loyalty.jar, checked by Payara at every start. */
    static final String TRUST_STORE = "MICRO-INF/domain/cacerts.p12";

    /**
     * The access log's line: who, when, method, path (never the query string: a lookup carries an
     * e-mail address or a phone number there), status, bytes and milliseconds.
     */
    static final String ACCESS_LOG_FORMAT =
            "%client.name% %datetime% \"%http-method% %http-uri% %http-version%\" %status% %response.length%"
                    + " %time-taken%";

    private PayaraLogging() {}

    /** Writes the logging properties into {@code file}, coloured or not. */
    static Path writeProperties(Path file, boolean colours) {
        try (InputStream in = PayaraLogging.class.getResourceAsStream("payara-logging.properties")) {
            String template = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Files.writeString(
                    file, template.replace("${ansiColor}", String.valueOf(colours)), StandardCharsets.ISO_8859_1);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Payara's logging properties to " + file, e);
        }
    }

    /** The Payara Micro arguments of the logging, the access log in {@code accessLogDir} if wanted. */
    static List<String> arguments(Path properties, Optional<Path> accessLogDir) {
        List<String> arguments = new ArrayList<>(List.of("--logproperties", properties.toString()));
        // written every second rather than every five minutes, Payara's default
        accessLogDir.ifPresent(dir -> arguments.addAll(List.of(
                "--accesslog", dir.toString(), "--accesslogformat", ACCESS_LOG_FORMAT, "--accessloginterval", "1")));
        return arguments;
    }

    /** The aliases of the certificates in the PKCS#12 trust store {@code in} that expired before {@code now}. */
    static List<String> expired(InputStream in, char[] password, Date now)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password);
        List<String> expired = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate
                    && certificate.getNotAfter().before(now)) {
                expired.add(alias);
            }
        }
        return expired;
    }

    /**
     * One line about the expired CA certificates in Payara's bundled trust store, whose warnings the
     * logging properties silence; empty when there are none or the store cannot be read.
     */
    static Optional<String> expiredTrustStoreSummary() {
        try (InputStream in = PayaraLogging.class.getClassLoader().getResourceAsStream(TRUST_STORE)) {
            if (in == null) {
                return Optional.empty();
            }
            List<String> expired = expired(in, "changeit".toCharArray(), new Date());
            if (expired.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("Payara Micro's bundled trust store holds " + expired.size()
                    + " expired CA certificates (Payara's warning with a dump of each is silenced): "
                    + String.join(", ", expired));
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
