package dev.loyalty.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsToPort8080TheDataFolderAndEmbeddedEverything() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.dataDir())
                .isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(settings.databaseUrl()).isEmpty();
        assertThat(settings.jwtPublicKeyLocation()).isEmpty();
        assertThat(settings.currency()).isEqualTo("EUR");
    }

    @Test
    void readsTheEnvironment() {
        Settings settings = Settings.from(Map.of(
                "LOYALTY_HTTP_PORT", "9090",
                "LOYALTY_DATA_DIR", "/var/lib/loyalty",
                "LOYALTY_DB_URL", "jdbc:mariadb://db:3306/loyalty",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://idp/keys",
                "MP_JWT_VERIFY_ISSUER", "https://idp"));

        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/loyalty"));
        assertThat(settings.databaseUrl()).contains("jdbc:mariadb://db:3306/loyalty");
        assertThat(settings.jwtPublicKeyLocation()).contains("https://idp/keys");
        assertThat(settings.jwtIssuer()).contains("https://idp");
    }

    @Test
    void refusesAPortThatIsNotOne() {
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_HTTP_PORT", "80000")))
                .hasMessageContaining("LOYALTY_HTTP_PORT");
    }

    @Test
    void readsTheProgrammeCurrency() {
        assertThat(Settings.from(Map.of("LOYALTY_CURRENCY", "chf")).currency()).isEqualTo("CHF");
    }

    @Test
    void refusesACurrencyThatIsNotAnIsoCode() {
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_CURRENCY", "EURO")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LOYALTY_CURRENCY must be an ISO 4217 currency code such as EUR, got: EURO");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_CURRENCY", "XYZ")))
                .hasMessageContaining("LOYALTY_CURRENCY");
    }

    @Test
    void aMetricsSettingThatCannotBeUsedStopsTheStartNamingIt() {
        assertThat(Settings.from(Map.of(
                        "LOYALTY_METRICS_WINDOW_MONTHS", "24",
                        "LOYALTY_ENGAGEMENT_WEIGHTS", "EMAIL_OPENED:1, PRODUCT_RETURNED:-5",
                        "LOYALTY_METRICS_REBUILD_AT", "02:30")))
                .isNotNull();
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_METRICS_WINDOW_MONTHS", "0")))
                .hasMessage("LOYALTY_METRICS_WINDOW_MONTHS must be a number of months from 1 to 120, got: 0");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_METRICS_WINDOW_MONTHS", "twelve")))
                .hasMessageStartingWith("LOYALTY_METRICS_WINDOW_MONTHS");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_ENGAGEMENT_WEIGHTS", "EMAIL_OPENED=1")))
                .hasMessageStartingWith("LOYALTY_ENGAGEMENT_WEIGHTS must be TYPE:weight pairs");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_ENGAGEMENT_WEIGHTS", "APP_OPENED:1,APP_OPENED:2")))
                .hasMessageStartingWith("LOYALTY_ENGAGEMENT_WEIGHTS");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_METRICS_REBUILD_AT", "25:00")))
                .hasMessage("LOYALTY_METRICS_REBUILD_AT must be a time HH:MM (UTC), got: 25:00");
    }

    @Test
    void aPlainKeyPathBecomesItsFileUrl(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path key = java.nio.file.Files.writeString(
                dir.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n");

        Settings plain = Settings.from(Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", key.toString()));
        Settings url = Settings.from(
                Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", key.toUri().toString()));

        assertThat(plain.jwtPublicKeyLocation()).contains(key.toUri().toString());
        assertThat(url.jwtPublicKeyLocation()).contains(key.toUri().toString());
        assertThat(plain.realKeyConfigured()).isTrue();
    }

    @Test
    void aKeyLocationThatCannotBeReadStopsTheStartWithOneLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path notAKey = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "hello");
        for (String location : new String[] {
            "/etc/keys/no-such-public.pem",
            "file:/etc/keys/no-such-public.pem",
            dir.toString(),
            notAKey.toString(),
            "classpath:keys.pem"
        }) {
            assertThatThrownBy(() -> Settings.from(Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", location)))
                    .as(location)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void anInlineKeyIsARealKeyToo() {
        Settings settings = Settings.from(Map.of("MP_JWT_VERIFY_PUBLICKEY", "MIIBIjANBg"));

        assertThat(settings.jwtPublicKeyLocation()).isEmpty();
        assertThat(settings.realKeyConfigured()).isTrue();
    }

    @Test
    void developmentKeysOnlyWithTheEmbeddedDatabaseOrWhenAskedFor() {
        Settings.from(Map.of()).refuseDevelopmentSecrets();
        Settings.from(Map.of("LOYALTY_DB_URL", "jdbc:mariadb://db/loyalty", "LOYALTY_DEV_KEYS", "true"))
                .refuseDevelopmentSecrets();
        Settings.from(Map.of(
                        "LOYALTY_DB_URL",
                        "jdbc:mariadb://db/loyalty",
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "https://idp/keys",
                        "LOYALTY_HASH_SECRET",
                        "a-hash-secret-of-24-chars"))
                .refuseDevelopmentSecrets();

        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_DB_URL", "jdbc:mariadb://db/loyalty"))
                        .refuseDevelopmentSecrets())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set while LOYALTY_DB_URL");
    }

    @Test
    void theDevelopmentLinkSecretNeverSignsRealMessages() {
        Settings.from(Map.of("LOYALTY_EMAIL_PROVIDER", "log")).refuseDevelopmentSecrets();
        Settings.from(Map.of("LOYALTY_EMAIL_PROVIDER", "smtp", "LOYALTY_MESSAGING_LINK_SECRET", "a-secret-of-20-chars"))
                .refuseDevelopmentSecrets();
        Settings.from(Map.of("LOYALTY_SMS_PROVIDER", "twilio", "LOYALTY_DEV_KEYS", "true"))
                .refuseDevelopmentSecrets();

        assertThatThrownBy(() ->
                        Settings.from(Map.of("LOYALTY_EMAIL_PROVIDER", "smtp")).refuseDevelopmentSecrets())
                .hasMessageStartingWith("LOYALTY_MESSAGING_LINK_SECRET is not set while LOYALTY_EMAIL_PROVIDER=smtp");
        assertThatThrownBy(() ->
                        Settings.from(Map.of("LOYALTY_SMS_PROVIDER", "Twilio")).refuseDevelopmentSecrets())
                .hasMessageContaining("LOYALTY_SMS_PROVIDER=twilio");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_MESSAGING_LINK_SECRET", "short"))
                        .refuseDevelopmentSecrets())
                .hasMessage("LOYALTY_MESSAGING_LINK_SECRET must have at least 16 characters");
    }

    @Test
    void aLimitThatCannotWorkIsRefusedWithOneLineNamingIt() {
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_LIMITS_LOOKUP_PER_TOKEN", "0")))
                .hasMessage("LOYALTY_LIMITS_LOOKUP_PER_TOKEN must be a whole number from 1 to 1000000, got: 0");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_LIMITS_COUPON_LOCKOUT_SECONDS", "15m")))
                .hasMessageStartingWith("LOYALTY_LIMITS_COUPON_LOCKOUT_SECONDS must be a whole number");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_LIMITS_QUOTE_PER_STORE", "10")))
                .hasMessage("LOYALTY_LIMITS_QUOTE_PER_STORE (10) must be at least LOYALTY_LIMITS_QUOTE_PER_TOKEN (60)");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_EVENTS_APP_TYPES", "APP_INSTALLED;x y")))
                .hasMessageStartingWith("LOYALTY_EVENTS_APP_TYPES must be a comma list");
        Settings.from(Map.of(
                "LOYALTY_LIMITS_LOOKUP_PER_TOKEN",
                "5",
                "LOYALTY_LIMITS_QUOTE_PER_STORE",
                "60",
                "LOYALTY_EVENTS_APP_TYPES",
                "app_installed, PROFILE_COMPLETED"));
        Settings.from(Map.of("LOYALTY_EVENTS_APP_TYPES", "NONE"));
    }

    static final Map<String, String> OIDC = Map.of(
            "LOYALTY_OIDC_ISSUER", "https://id.shop.example/realms/shop",
            "LOYALTY_OIDC_CLIENT_ID", "console",
            "LOYALTY_OIDC_CLIENT_SECRET", "s3cret",
            "LOYALTY_OIDC_REDIRECT_URI", "https://loyalty.shop.example/admin/oidc/callback",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://id.shop.example/realms/shop/certs",
            "MP_JWT_VERIFY_ISSUER", "https://id.shop.example/realms/shop");

    static Map<String, String> oidcWith(String name, String value) {
        Map<String, String> env = new java.util.HashMap<>(OIDC);
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return env;
    }

    @Test
    void openIdConnectIsOffWithoutAnIssuerAndStartsWhenComplete() {
        assertThat(Settings.from(Map.of()).httpPort()).isEqualTo(8080);
        assertThat(Settings.from(OIDC).jwtIssuer()).contains("https://id.shop.example/realms/shop");
    }

    @Test
    void openIdConnectThatCannotWorkStopsTheStartWithOneLineNamingTheSetting() {
        assertThatThrownBy(() -> Settings.from(oidcWith("LOYALTY_OIDC_CLIENT_SECRET", null)))
                .hasMessageStartingWith("LOYALTY_OIDC_CLIENT_SECRET is not set while LOYALTY_OIDC_ISSUER");
        assertThatThrownBy(() -> Settings.from(oidcWith("LOYALTY_OIDC_ISSUER", "http://id.shop.example")))
                .hasMessageStartingWith("LOYALTY_OIDC_ISSUER must be an https URL");
        assertThatThrownBy(() -> Settings.from(oidcWith("LOYALTY_OIDC_REDIRECT_URI", "https://loyalty.shop.example/")))
                .hasMessageStartingWith("LOYALTY_OIDC_REDIRECT_URI must be this service's /admin/oidc/callback");
        assertThatThrownBy(() -> Settings.from(oidcWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION", null)))
                .hasMessageStartingWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set while LOYALTY_OIDC_ISSUER");
        assertThatThrownBy(() -> Settings.from(oidcWith("MP_JWT_VERIFY_ISSUER", "https://elsewhere.example")))
                .hasMessageStartingWith("MP_JWT_VERIFY_ISSUER must be LOYALTY_OIDC_ISSUER");
        assertThatThrownBy(() -> Settings.from(oidcWith("MP_JWT_VERIFY_AUDIENCES", "loyalty-api")))
                .hasMessageStartingWith("MP_JWT_VERIFY_AUDIENCES must include LOYALTY_OIDC_CLIENT_ID (console)");
        assertThat(Settings.from(oidcWith("MP_JWT_VERIFY_AUDIENCES", "loyalty-api, console"))
                        .jwtIssuer())
                .as("the console's client id among the API's audiences")
                .isPresent();
        Map<String, String> local = oidcWith("LOYALTY_OIDC_ISSUER", "http://localhost:9000/realms/shop/");
        local.put("MP_JWT_VERIFY_ISSUER", "http://localhost:9000/realms/shop");
        assertThat(Settings.from(local).jwtIssuer())
                .as("http on this machine; the issuer compared without its trailing slash")
                .contains("http://localhost:9000/realms/shop");
    }

    @Test
    void aPushSettingThatCannotWorkStopsTheStartWithOneLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + java.util.Base64.getEncoder()
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----\\n";
        String good = "{\"type\": \"service_account\", \"project_id\": \"shop\", \"private_key\": \"" + pem
                + "\", \"client_email\": \"push@shop.iam.gserviceaccount.com\","
                + " \"token_uri\": \"https://oauth2.googleapis.com/token\"}";
        Path file = java.nio.file.Files.writeString(dir.resolve("key.json"), good);

        Settings.from(Map.of("LOYALTY_PUSH_PROVIDER", "fcm", "LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE", file.toString()));
        Settings.from(Map.of("LOYALTY_PUSH_PROVIDER", "log"));
        // a key written with CRLF lines and escaped slashes, as some JSON writers do
        Path crlf = java.nio.file.Files.writeString(
                dir.resolve("crlf.json"),
                good.replace("\\n", "\\r\\n").replace("BEGIN PRIVATE", "BEGIN\\u0020PRIVATE"));
        Settings.from(Map.of("LOYALTY_PUSH_PROVIDER", "fcm", "LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE", crlf.toString()));

        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_PUSH_PROVIDER", "apns")))
                .hasMessage("LOYALTY_PUSH_PROVIDER must be log or fcm, not apns");
        assertThatThrownBy(() -> Settings.from(Map.of("LOYALTY_PUSH_PROVIDER", "fcm")))
                .hasMessageStartingWith("LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE must name");
        assertThatThrownBy(() -> Settings.from(Map.of(
                        "LOYALTY_PUSH_PROVIDER", "fcm",
                        "LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE", file.toString(),
                        "LOYALTY_PUSH_FCM_ACCESS_TOKEN", "ya29.fixed")))
                .hasMessageStartingWith("LOYALTY_PUSH_FCM_ACCESS_TOKEN is no longer read");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("cannot read the service account key file", null);
        cases.put("has no client_email", good.replace("client_email", "client"));
        cases.put("has no project_id", good.replace("\"project_id\": \"shop\",", ""));
        cases.put("has no token_uri", good.replace("token_uri", "token"));
        cases.put("has no private_key", good.replace("private_key", "key"));
        cases.put(
                "is not a readable RSA private key",
                good.replace(pem, "-----BEGIN PRIVATE KEY-----AAAA-----END PRIVATE KEY-----"));
        cases.put("is not a PKCS#8 PEM key", good.replace("BEGIN PRIVATE", "BEGIN RSA PRIVATE"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path bad = dir.resolve("bad-" + Math.abs(c.getKey().hashCode()) + ".json");
            if (c.getValue() != null) {
                java.nio.file.Files.writeString(bad, c.getValue());
            }
            assertThatThrownBy(() -> Settings.from(Map.of(
                            "LOYALTY_PUSH_PROVIDER", "fcm", "LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE", bad.toString())))
                    .as(c.getKey())
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .startsWith("LOYALTY_PUSH_FCM_SERVICE_ACCOUNT_FILE: ")
                            .contains(c.getKey())
                            .doesNotContain("\n")
                            .doesNotContain("push@shop"));
        }
    }

    @Test
    void anSmtpPasswordNeverTravelsInClearUnlessAskedFor() {
        Settings.from(Map.of("LOYALTY_EMAIL_PROVIDER", "smtp", "LOYALTY_SMTP_USER", "loyalty"));
        Settings.from(Map.of("LOYALTY_EMAIL_PROVIDER", "smtp", "LOYALTY_SMTP_STARTTLS", "false"));
        Settings.from(Map.of(
                "LOYALTY_EMAIL_PROVIDER", "smtp",
                "LOYALTY_SMTP_USER", "loyalty",
                "LOYALTY_SMTP_STARTTLS", "false",
                "LOYALTY_SMTP_ALLOW_PLAIN_AUTH", "true"));

        assertThatThrownBy(() -> Settings.from(Map.of(
                        "LOYALTY_EMAIL_PROVIDER",
                        "smtp",
                        "LOYALTY_SMTP_USER",
                        "loyalty",
                        "LOYALTY_SMTP_STARTTLS",
                        "false")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("LOYALTY_SMTP_STARTTLS=false with LOYALTY_SMTP_USER")
                .hasMessageContaining("LOYALTY_SMTP_ALLOW_PLAIN_AUTH=true");
    }

    @Test
    void theDevelopmentHashSecretOnlyWithTheEmbeddedDatabaseOrWhenAskedFor() {
        Settings.from(Map.of()).refuseDevelopmentSecrets();
        Settings.from(Map.of("LOYALTY_DB_URL", "jdbc:mariadb://db/loyalty", "LOYALTY_DEV_KEYS", "true"))
                .refuseDevelopmentSecrets();

        assertThatThrownBy(() -> Settings.from(Map.of(
                                "LOYALTY_DB_URL", "jdbc:mariadb://db/loyalty",
                                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://idp/keys"))
                        .refuseDevelopmentSecrets())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("LOYALTY_HASH_SECRET is not set while LOYALTY_DB_URL");
        assertThatThrownBy(() ->
                        Settings.from(Map.of("LOYALTY_HASH_SECRET", "short")).refuseDevelopmentSecrets())
                .hasMessage("LOYALTY_HASH_SECRET must have at least 16 characters");
    }
}
