package dev.loyalty.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the JWT verification key is ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}), as Payara's MP-JWT
 * can read it: Payara takes a value without a scheme for a class-path resource, so a plain path
 * such as {@code /etc/keys/public.pem} would start a service that refuses every token. A plain path
 * becomes its {@code file:} URL; a file (by path or {@code file:} URL) must be readable and hold a
 * PEM key or a JWK set, else the start stops with one line naming the setting; an {@code http(s):}
 * URL is the identity provider's and is taken as it is.
 */
final class KeyLocation {

    static final String SETTING = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private KeyLocation() {}

    /**
     * @param raw the configured value
     * @return the location as a URL Payara reads
     * @throws IllegalArgumentException (one line naming the setting) when it cannot work
     */
    static String normalized(String raw) {
        String value = raw.strip();
        if (SCHEME.matcher(value).matches()) {
            String scheme = value.substring(0, value.indexOf(':')).toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "http", "https" -> {
                    return value;
                }
                case "file" -> {
                    try {
                        return readable(Path.of(new URI(value)), raw);
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                SETTING + " is not a file URL Java can read (file:/etc/keys/public.pem), got: " + raw);
                    }
                }
                default -> throw new IllegalArgumentException(SETTING
                        + " must be a file path, a file: URL or an http(s): URL of the identity provider's keys, got: "
                        + raw);
            }
        }
        try {
            return readable(Path.of(value), raw);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(SETTING + " is not a file path, got: " + raw);
        }
    }

    private static String readable(Path file, String raw) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException(SETTING + ": no such file " + absolute + " (from " + raw + ")");
        }
        String content;
        try {
            content = Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(SETTING + ": cannot read " + absolute + " ("
                    + e.getClass().getSimpleName() + "; check its permissions)");
        }
        String text = content.strip();
        if (!text.startsWith("-----BEGIN ") && !text.startsWith("{")) {
            throw new IllegalArgumentException(
                    SETTING + ": " + absolute + " holds neither a PEM public key nor a JWK set");
        }
        return absolute.toUri().toString();
    }
}
