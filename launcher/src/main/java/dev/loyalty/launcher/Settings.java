package dev.loyalty.launcher;

import java.nio.file.Path;
import java.util.Currency;
import java.util.Locale;
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
 * @param currency the programme's currency ({@code LOYALTY_CURRENCY}, an ISO 4217 code, default
 *     EUR), checked here so that a wrong one stops the start before the server does
 */
record Settings(
        int httpPort,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> jwtPublicKeyLocation,
        Optional<String> jwtIssuer,
        boolean accessLog,
        String currency) {

    static final int DEFAULT_HTTP_PORT = 8080;

    static Settings from(Map<String, String> environment) {
        checkMetrics(environment);
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
                        .orElse(false),
                currency(read(environment, "LOYALTY_CURRENCY").orElse("EUR")));
    }

    /** Reads {@code NAME} from the environment, else the property {@code name} with dots. */
    static Optional<String> read(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name.toLowerCase().replace('_', '.'));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static String currency(String raw) {
        String code = raw.toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code: said below
        }
        throw new IllegalArgumentException(
                "LOYALTY_CURRENCY must be an ISO 4217 currency code such as EUR, got: " + raw);
    }

    /**
     * Checks the customer metrics' settings, which the service reads (a bad one stops the start here
     * with one line naming it): {@code LOYALTY_METRICS_WINDOW_MONTHS} 1-120,
     * {@code LOYALTY_ENGAGEMENT_WEIGHTS} {@code TYPE:weight} pairs (weights -1000 to 1000, each type
     * once), {@code LOYALTY_METRICS_REBUILD_AT} a time {@code HH:MM}.
     */
    static void checkMetrics(Map<String, String> environment) {
        read(environment, "LOYALTY_METRICS_WINDOW_MONTHS").ifPresent(raw -> {
            if (!raw.matches("\\d{1,3}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > 120) {
                throw new IllegalArgumentException(
                        "LOYALTY_METRICS_WINDOW_MONTHS must be a number of months from 1 to 120, got: " + raw);
            }
        });
        read(environment, "LOYALTY_ENGAGEMENT_WEIGHTS").ifPresent(raw -> {
            java.util.Set<String> types = new java.util.HashSet<>();
            for (String pair : raw.split(",")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                "\\s*([A-Z][A-Z0-9_]{0,63})\\s*:\\s*(-?\\d{1,4})\\s*")
                        .matcher(pair);
                if (!m.matches() || Math.abs(Integer.parseInt(m.group(2))) > 1000 || !types.add(m.group(1))) {
                    throw new IllegalArgumentException("LOYALTY_ENGAGEMENT_WEIGHTS must be TYPE:weight pairs such as"
                            + " EMAIL_OPENED:1,PRODUCT_RETURNED:-5 (each type once, -1000 to 1000), got: " + raw);
                }
            }
        });
        read(environment, "LOYALTY_METRICS_REBUILD_AT").ifPresent(raw -> {
            try {
                java.time.LocalTime.parse(raw);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "LOYALTY_METRICS_REBUILD_AT must be a time HH:MM (UTC), got: " + raw, e);
            }
        });
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
