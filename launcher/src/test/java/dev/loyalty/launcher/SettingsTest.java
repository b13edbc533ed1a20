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
                        "https://idp/keys"))
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
}
