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
}
