package dev.loyalty.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's settings, read from the environment with a system-property fallback (the same
 * names MicroProfile Config maps: {@code LOYALTY_DB_URL} or {@code -Dloyalty.db.url}).
 *
 * @param httpPort the port the service listens on
 * @param dataDir where the embedded database and the development keys live
 * @param databaseUrl an external database, or empty for the embedded one
 * @param jwtPublicKeyLocation a real verification key, or empty for development keys
 * @param jwtIssuer the configured issuer, if any
 * @param accessLog whether Payara writes an access log ({@code LOYALTY_ACCESS_LOG=true})
 */
record Settings(
        int httpPort,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> jwtPublicKeyLocation,
        Optional<String> jwtIssuer,
        boolean accessLog) {

    static final int DEFAULT_HTTP_PORT = 8080;

    static Settings from(Map<String, String> environment) {
        return new Settings(
                port(read(environment, "LOYALTY_HTTP_PORT").orElse(String.valueOf(DEFAULT_HTTP_PORT))),
                Path.of(read(environment, "LOYALTY_DATA_DIR").orElse("./data"))
                        .toAbsolutePath()
                        .normalize(),
                read(environment, "LOYALTY_DB_URL"),
                read(environment, "MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                        .or(() -> read(environment, "MP_JWT_VERIFY_PUBLICKEY")),
                read(environment, "MP_JWT_VERIFY_ISSUER"),
                read(environment, "LOYALTY_ACCESS_LOG")
                        .map(Boolean::parseBoolean)
                        .orElse(false));
    }

    /** Reads {@code NAME} from the environment, else the property {@code name} with dots. */
    static Optional<String> read(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name.toLowerCase().replace('_', '.'));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int port(String raw) {
        try {
            int port = Integer.parseInt(raw);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LOYALTY_HTTP_PORT must be a port number, got: " + raw, e);
        }
    }
}
