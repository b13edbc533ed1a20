package dev.loyalty.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
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
 * @param jwtPublicKeyLocation where a real verification key is, as a URL Payara reads (a plain
 *     path becomes its {@code file:} URL, see {@link KeyLocation}), or empty
 * @param jwtPublicKey a real verification key given inline ({@code MP_JWT_VERIFY_PUBLICKEY}), or
 *     empty; with neither, development keys
 * @param jwtIssuer the configured issuer, if any
 * @param accessLog whether Payara writes an access log ({@code LOYALTY_ACCESS_LOG=true})
 * @param devKeys whether development keys and secrets are explicitly allowed ({@code
 *     LOYALTY_DEV_KEYS=true}); without it they are only used with the embedded database
 * @param linkSecret the secret unsubscribe links are signed with ({@code
 *     LOYALTY_MESSAGING_LINK_SECRET}), or empty for the development one
 * @param realMessaging the setting that sends real e-mails or SMS ({@code LOYALTY_EMAIL_PROVIDER=smtp},
 *     {@code LOYALTY_SMS_PROVIDER=twilio}), or empty when messages are only logged
 * @param currency the programme's currency ({@code LOYALTY_CURRENCY}, an ISO 4217 code, default
 *     EUR), checked here so that a wrong one stops the start before the server does
 * @param hashSecret the key of the service's digests of referred contacts and verification codes
 *     ({@code LOYALTY_HASH_SECRET}), or empty for the development one
 */
record Settings(
        int httpPort,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> jwtPublicKeyLocation,
        Optional<String> jwtPublicKey,
        Optional<String> jwtIssuer,
        boolean accessLog,
        boolean devKeys,
        Optional<String> linkSecret,
        Optional<String> realMessaging,
        String currency,
        Optional<String> hashSecret) {

    static final int DEFAULT_HTTP_PORT = 8080;

    /** @return whether a real verification key is configured (by location or inline) */
    boolean realKeyConfigured() {
        return jwtPublicKeyLocation.isPresent() || jwtPublicKey.isPresent();
    }

    static Settings from(Map<String, String> environment) {
        checkMetrics(environment);
        checkLimits(environment);
        checkOpenIdConnect(environment);
        checkTokens(environment);
        PushSettings.check(environment);
        checkSmtp(environment);
        return new Settings(
                port(read(environment, "LOYALTY_HTTP_PORT").orElse(String.valueOf(DEFAULT_HTTP_PORT))),
                Path.of(read(environment, "LOYALTY_DATA_DIR").orElse("./data"))
                        .toAbsolutePath()
                        .normalize(),
                read(environment, "LOYALTY_DB_URL"),
                read(environment, KeyLocation.SETTING).map(KeyLocation::normalized),
                read(environment, "MP_JWT_VERIFY_PUBLICKEY"),
                read(environment, "MP_JWT_VERIFY_ISSUER"),
                read(environment, "LOYALTY_ACCESS_LOG")
                        .map(Boolean::parseBoolean)
                        .orElse(false),
                read(environment, "LOYALTY_DEV_KEYS").map(Boolean::parseBoolean).orElse(false),
                read(environment, "LOYALTY_MESSAGING_LINK_SECRET", "loyalty.messaging.link-secret"),
                realMessaging(environment),
                currency(read(environment, "LOYALTY_CURRENCY").orElse("EUR")),
                read(environment, "LOYALTY_HASH_SECRET", "loyalty.hash-secret"));
    }

    /**
     * Refuses, with one line naming the setting, what only a development run may use: the development
     * key pair and the development hash secret with an external database, the development link secret
     * with real e-mails or SMS (each allowed by {@code LOYALTY_DEV_KEYS=true}), a secret too short to
     * be one.
     *
     * @throws IllegalArgumentException when the service must not start so
     */
    void refuseDevelopmentSecrets() {
        if (!realKeyConfigured() && databaseUrl.isPresent() && !devKeys) {
            throw new IllegalArgumentException("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set while LOYALTY_DB_URL names"
                    + " an external database: set your identity provider's key (development keys only with the"
                    + " embedded database, or with LOYALTY_DEV_KEYS=true)");
        }
        if (linkSecret.isEmpty() && realMessaging.isPresent() && !devKeys) {
            throw new IllegalArgumentException("LOYALTY_MESSAGING_LINK_SECRET is not set while " + realMessaging.get()
                    + " sends real messages: set a secret of at least 16 characters for unsubscribe links (the"
                    + " development one only with LOYALTY_DEV_KEYS=true)");
        }
        if (linkSecret.isPresent() && linkSecret.get().length() < 16) {
            throw new IllegalArgumentException("LOYALTY_MESSAGING_LINK_SECRET must have at least 16 characters");
        }
        if (hashSecret.isEmpty() && databaseUrl.isPresent() && !devKeys) {
            throw new IllegalArgumentException("LOYALTY_HASH_SECRET is not set while LOYALTY_DB_URL names an external"
                    + " database: set a secret of at least 16 characters, the same on every instance and never"
                    + " changed (it keys the digests of referred contacts; the development one only with the"
                    + " embedded database, or with LOYALTY_DEV_KEYS=true)");
        }
        if (hashSecret.isPresent() && hashSecret.get().length() < 16) {
            throw new IllegalArgumentException("LOYALTY_HASH_SECRET must have at least 16 characters");
        }
    }

    /**
     * Refuses an SMTP relay that would get the password in clear: with {@code LOYALTY_EMAIL_PROVIDER=smtp}
     * and a {@code LOYALTY_SMTP_USER}, STARTTLS is on by default; {@code LOYALTY_SMTP_STARTTLS=false}
     * then needs {@code LOYALTY_SMTP_ALLOW_PLAIN_AUTH=true} as well (the messaging adapter refuses the
     * same as it configures the gateway).
     *
     * @throws IllegalArgumentException one line naming the settings
     */
    static void checkSmtp(Map<String, String> environment) {
        if (read(environment, "LOYALTY_EMAIL_PROVIDER")
                        .filter("smtp"::equalsIgnoreCase)
                        .isEmpty()
                || read(environment, "LOYALTY_SMTP_USER").isEmpty()) {
            return;
        }
        boolean startTls = read(environment, "LOYALTY_SMTP_STARTTLS")
                .map(Boolean::parseBoolean)
                .orElse(true);
        boolean plainAllowed = read(environment, "LOYALTY_SMTP_ALLOW_PLAIN_AUTH", "loyalty.smtp.allow-plain-auth")
                .map(Boolean::parseBoolean)
                .orElse(false);
        if (!startTls && !plainAllowed) {
            throw new IllegalArgumentException("LOYALTY_SMTP_STARTTLS=false with LOYALTY_SMTP_USER would send the SMTP"
                    + " password in clear: leave STARTTLS on, or set LOYALTY_SMTP_ALLOW_PLAIN_AUTH=true for a relay"
                    + " reached without TLS on purpose");
        }
    }

    /** Reads {@code NAME} from the environment, else the property {@code name} with dots. */
    static Optional<String> read(Map<String, String> environment, String name) {
        return read(environment, name, name.toLowerCase().replace('_', '.'));
    }

    /** Reads {@code NAME} from the environment, else the system property {@code property}. */
    static Optional<String> read(Map<String, String> environment, String name, String property) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Optional<String> realMessaging(Map<String, String> environment) {
        if (read(environment, "LOYALTY_EMAIL_PROVIDER")
                .filter("smtp"::equalsIgnoreCase)
                .isPresent()) {
            return Optional.of("LOYALTY_EMAIL_PROVIDER=smtp");
        }
        if (read(environment, "LOYALTY_SMS_PROVIDER")
                .filter("twilio"::equalsIgnoreCase)
                .isPresent()) {
            return Optional.of("LOYALTY_SMS_PROVIDER=twilio");
        }
        return Optional.empty();
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

    /**
     * Checks the console's OpenID Connect sign-in ({@code LOYALTY_OIDC_*}), on when {@code
     * LOYALTY_OIDC_ISSUER} is set: then the client id, secret and redirect URI (this service's {@code
     * /admin/oidc/callback}) are set too, the URLs are https (http only on localhost), and the API
     * trusts the provider - a verification key is configured and {@code MP_JWT_VERIFY_ISSUER} is the
     * same issuer - since the console calls it with the provider's ID token. (The web adapter checks
     * the same settings again as it deploys.)
     *
     * @throws IllegalArgumentException one line naming the setting that cannot work
     */
    static void checkOpenIdConnect(Map<String, String> environment) {
        Optional<String> issuer = read(environment, "LOYALTY_OIDC_ISSUER", "loyalty.oidc.issuer");
        if (issuer.isEmpty()) {
            return;
        }
        web(issuer.get(), "LOYALTY_OIDC_ISSUER");
        for (String name :
                List.of("LOYALTY_OIDC_CLIENT_ID", "LOYALTY_OIDC_CLIENT_SECRET", "LOYALTY_OIDC_REDIRECT_URI")) {
            if (read(environment, name, oidcProperty(name)).isEmpty()) {
                throw new IllegalArgumentException(name + " is not set while LOYALTY_OIDC_ISSUER turns OpenID Connect"
                        + " sign-in on: set the issuer, client id, client secret and redirect URI together");
            }
        }
        String redirect = read(environment, "LOYALTY_OIDC_REDIRECT_URI", oidcProperty("LOYALTY_OIDC_REDIRECT_URI"))
                .orElseThrow();
        if (!web(redirect, "LOYALTY_OIDC_REDIRECT_URI").getPath().endsWith("/admin/oidc/callback")) {
            throw new IllegalArgumentException(
                    "LOYALTY_OIDC_REDIRECT_URI must be this service's /admin/oidc/callback, got: " + redirect);
        }
        if (read(environment, KeyLocation.SETTING).isEmpty()
                && read(environment, "MP_JWT_VERIFY_PUBLICKEY").isEmpty()) {
            throw new IllegalArgumentException("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set while LOYALTY_OIDC_ISSUER"
                    + " is: set it to the provider's JWKS URL, since the console calls the API with its ID tokens");
        }
        String trimmed = issuer.get().replaceAll("/+$", "");
        if (!read(environment, "MP_JWT_VERIFY_ISSUER")
                .map(i -> i.replaceAll("/+$", ""))
                .filter(trimmed::equals)
                .isPresent()) {
            throw new IllegalArgumentException("MP_JWT_VERIFY_ISSUER must be LOYALTY_OIDC_ISSUER (" + issuer.get()
                    + ") while OpenID Connect sign-in is on: the console calls the API with the provider's ID tokens");
        }
        String clientId = read(environment, "LOYALTY_OIDC_CLIENT_ID", oidcProperty("LOYALTY_OIDC_CLIENT_ID"))
                .orElseThrow()
                .strip();
        Optional<String> audiences = read(environment, "MP_JWT_VERIFY_AUDIENCES");
        if (audiences.isPresent()
                && Arrays.stream(audiences.get().split(",")).map(String::strip).noneMatch(clientId::equals)) {
            throw new IllegalArgumentException(
                    "MP_JWT_VERIFY_AUDIENCES must include LOYALTY_OIDC_CLIENT_ID (" + clientId
                            + ") while OpenID Connect sign-in is on: the provider's ID tokens carry it as their aud");
        }
    }

    /** {@code LOYALTY_OIDC_CLIENT_ID} is {@code loyalty.oidc.client-id}. */
    private static String oidcProperty(String name) {
        return "loyalty.oidc."
                + name.substring("LOYALTY_OIDC_".length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '-');
    }

    private static java.net.URI web(String raw, String name) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be an https URL, got: " + raw, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (host.isEmpty() || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
            throw new IllegalArgumentException(name + " must be an https URL (http only on localhost), got: " + raw);
        }
        return uri;
    }

    /** The abuse limits and their ranges (the service checks them again as it deploys). */
    private static final Map<String, long[]> LIMITS = new java.util.LinkedHashMap<>();

    static {
        LIMITS.put("LOYALTY_LIMITS_WINDOW_SECONDS", new long[] {1, 86_400});
        LIMITS.put("LOYALTY_LIMITS_LOOKUP_PER_TOKEN", new long[] {1, 1_000_000});
        LIMITS.put("LOYALTY_LIMITS_LOOKUP_PER_STORE", new long[] {1, 1_000_000});
        LIMITS.put("LOYALTY_LIMITS_QUOTE_PER_TOKEN", new long[] {1, 1_000_000});
        LIMITS.put("LOYALTY_LIMITS_QUOTE_PER_STORE", new long[] {1, 1_000_000});
        LIMITS.put("LOYALTY_LIMITS_APP_EVENTS_PER_CUSTOMER", new long[] {1, 1_000_000});
        LIMITS.put("LOYALTY_LIMITS_INVALID_COUPONS", new long[] {1, 1_000});
        LIMITS.put("LOYALTY_LIMITS_COUPON_LOCKOUT_SECONDS", new long[] {1, 86_400});
    }

    /**
     * Checks the abuse limits ({@code LOYALTY_LIMITS_*}: whole numbers in their ranges, a store's
     * limit at least a token's) and {@code LOYALTY_EVENTS_APP_TYPES} (event types or {@code NONE}).
     *
     * @throws IllegalArgumentException one line naming the setting that cannot work
     */
    static void checkLimits(Map<String, String> environment) {
        Map<String, Long> values = new java.util.HashMap<>();
        LIMITS.forEach((name, range) -> read(environment, name, property(name)).ifPresent(raw -> {
            long value;
            try {
                value = Long.parseLong(raw.strip());
            } catch (NumberFormatException e) {
                value = Long.MIN_VALUE;
            }
            if (value < range[0] || value > range[1]) {
                throw new IllegalArgumentException(
                        name + " must be a whole number from " + range[0] + " to " + range[1] + ", got: " + raw);
            }
            values.put(name, value);
        }));
        for (String kind : new String[] {"LOOKUP", "QUOTE"}) {
            long token =
                    values.getOrDefault("LOYALTY_LIMITS_" + kind + "_PER_TOKEN", kind.equals("LOOKUP") ? 30L : 60L);
            long store =
                    values.getOrDefault("LOYALTY_LIMITS_" + kind + "_PER_STORE", kind.equals("LOOKUP") ? 300L : 600L);
            if (store < token) {
                throw new IllegalArgumentException("LOYALTY_LIMITS_" + kind + "_PER_STORE (" + store
                        + ") must be at least LOYALTY_LIMITS_" + kind + "_PER_TOKEN (" + token + ")");
            }
        }
        read(environment, "LOYALTY_EVENTS_APP_TYPES", "loyalty.events.app-types")
                .ifPresent(raw -> {
                    if (!raw.strip().equalsIgnoreCase("NONE")
                            && !raw.strip()
                                    .toUpperCase(java.util.Locale.ROOT)
                                    .matches("[A-Z][A-Z0-9_]{1,63}(\\s*,\\s*[A-Z][A-Z0-9_]{1,63})*")) {
                        throw new IllegalArgumentException(
                                "LOYALTY_EVENTS_APP_TYPES must be a comma list of event types (or NONE), got: " + raw);
                    }
                });
    }

    /**
     * Checks the token and connection settings the service reads (it checks them again as it
     * deploys): the longest age of a staff token (admin, terminal, integration) 1-1,440 minutes, of
     * a customer's 1-43,200, the revocation list's refresh 1-300 seconds, the database's connect and
     * socket timeouts 1-86,400 seconds, the retention periods 1-3,650 days.
     *
     * @throws IllegalArgumentException one line naming the setting that cannot work
     */
    static void checkTokens(Map<String, String> environment) {
        Map<String, long[]> ranges = new java.util.LinkedHashMap<>();
        ranges.put("LOYALTY_TOKENS_STAFF_MAX_MINUTES", new long[] {1, 1_440});
        ranges.put("LOYALTY_TOKENS_CUSTOMER_MAX_MINUTES", new long[] {1, 43_200});
        ranges.put("LOYALTY_TOKENS_REVOCATION_REFRESH_SECONDS", new long[] {1, 300});
        ranges.put("LOYALTY_DB_CONNECT_TIMEOUT_SECONDS", new long[] {1, 86_400});
        ranges.put("LOYALTY_DB_SOCKET_TIMEOUT_SECONDS", new long[] {1, 86_400});
        for (String kind : new String[] {"PROSPECT", "EVENT", "VERDICT", "MESSAGE"}) {
            ranges.put("LOYALTY_RETENTION_" + kind + "_DAYS", new long[] {1, 3_650});
        }
        ranges.forEach(
                (name, range) -> read(environment, name, tokenProperty(name)).ifPresent(raw -> {
                    long value;
                    try {
                        value = Long.parseLong(raw.strip());
                    } catch (NumberFormatException e) {
                        value = Long.MIN_VALUE;
                    }
                    if (value < range[0] || value > range[1]) {
                        throw new IllegalArgumentException(name + " must be a whole number from " + range[0] + " to "
                                + range[1] + ", got: " + raw);
                    }
                }));
    }

    /**
     * {@code LOYALTY_TOKENS_STAFF_MAX_MINUTES} is {@code loyalty.tokens.staff-max-minutes}, {@code
     * LOYALTY_DB_SOCKET_TIMEOUT_SECONDS} {@code loyalty.db.socket-timeout-seconds}.
     */
    static String tokenProperty(String name) {
        String[] parts = name.toLowerCase(Locale.ROOT).split("_", 3);
        return parts[0] + "." + parts[1] + "." + parts[2].replace('_', '-');
    }

    /** {@code LOYALTY_LIMITS_LOOKUP_PER_TOKEN} is {@code loyalty.limits.lookup.per-token}. */
    private static String property(String name) {
        String rest = name.substring("LOYALTY_LIMITS_".length()).toLowerCase(java.util.Locale.ROOT);
        return "loyalty.limits."
                + switch (rest) {
                    case "window_seconds" -> "window-seconds";
                    case "invalid_coupons" -> "invalid-coupons";
                    case "coupon_lockout_seconds" -> "coupon-lockout-seconds";
                    case "app_events_per_customer" -> "app-events.per-customer";
                    default -> rest.replaceFirst("_", ".").replace('_', '-');
                };
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
