package dev.loyalty.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the push settings before the server starts, so that configuration that cannot work stops
 * the start with one line: {@code LOYALTY_PUSH_PROVIDER} {@code log} or {@code fcm}; with {@code
 * fcm}, {@code LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE} names a readable service account key file
 * holding {@code client_email}, an RSA PKCS#8 {@code private_key}, {@code token_uri} and {@code
 * project_id}; the fixed {@code LOYALTY_PUSH_FCM_ACCESS_TOKEN} of before is refused. The messaging
 * adapter reads the same file again as it starts sending; the line never shows a key or an account.
 */
final class PushSettings {

    static final String FILE = "LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE";

    private PushSettings() {}

    /** @throws IllegalArgumentException one line naming what cannot work */
    static void check(Map<String, String> environment) {
        String provider = Settings.read(environment, "LOYALTY_PUSH_PROVIDER", "loyalty.push.provider")
                .orElse("log")
                .toLowerCase(Locale.ROOT);
        if (provider.equals("log")) {
            return;
        }
        if (!provider.equals("fcm")) {
            throw new IllegalArgumentException("LOYALTY_PUSH_PROVIDER must be log or fcm, not " + provider);
        }
        if (Settings.read(environment, "LOYALTY_PUSH_FCM_ACCESS_TOKEN", "loyalty.push.fcm.access-token")
                .isPresent()) {
            throw new IllegalArgumentException("LOYALTY_PUSH_FCM_ACCESS_TOKEN is no longer read (such a token expires"
                    + " within the hour): set " + FILE + " to the service account's JSON key file");
        }
        Path file = Path.of(Settings.read(environment, FILE, "loyalty.push.fcm.service-account-file")
                .orElseThrow(() -> new IllegalArgumentException(
                        FILE + " must name the service account's JSON key file when LOYALTY_PUSH_PROVIDER is fcm")));
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(FILE + ": cannot read the service account key file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        for (String field : new String[] {"client_email", "token_uri", "project_id"}) {
            field(json, field, file);
        }
        String token = field(json, "token_uri", file);
        if (!token.startsWith("https://") && !token.startsWith("http://")) {
            throw new IllegalArgumentException(FILE + ": token_uri of " + file + " is not an http(s) URL");
        }
        String pem = unescaped(field(json, "private_key", file));
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException(
                    FILE + ": private_key of " + file + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
        }
        try {
            KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                            .decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                                    .replace("-----END PRIVATE KEY-----", "")
                                    .replaceAll("\\s", ""))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    FILE + ": private_key of " + file + " is not a readable RSA private key");
        }
    }

    /** @return a JSON string's text: its escapes ({@code \\n}, {@code \\r}, {@code \\/}, {@code \\u000a}, ...) read */
    static String unescaped(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                text.append(c);
                continue;
            }
            char escaped = raw.charAt(++i);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    if (i + 4 < raw.length() && raw.substring(i + 1, i + 5).matches("[0-9A-Fa-f]{4}")) {
                        text.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        text.append('u');
                    }
                }
                default -> text.append(escaped);
            }
        }
        return text.toString();
    }

    /** @return a top-level string field's raw (still escaped) value */
    private static String field(String json, String name, Path file) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"")
                .matcher(json);
        return Optional.of(m)
                .filter(Matcher::find)
                .map(found -> found.group(1))
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(
                        FILE + ": the service account key file " + file + " has no " + name));
    }
}
