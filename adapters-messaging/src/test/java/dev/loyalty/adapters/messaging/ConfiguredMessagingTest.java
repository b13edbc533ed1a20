package dev.loyalty.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.messaging.Channel;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfiguredMessagingTest {

    static ConfiguredMessaging settings(String caps, String quiet, String zones) {
        return new ConfiguredMessaging(
                1000,
                60000,
                5,
                30,
                "sms,email",
                caps,
                "7d:1",
                quiet,
                "Europe/Rome",
                zones,
                "https://app",
                "News",
                "https://loyalty.example/",
                "2026-01",
                "EN");
    }

    @Test
    void readsTheSettings() {
        ConfiguredMessaging settings = settings("7d:2, 30d:6", "21:00-09:00", "NY-001=America/New_York");

        assertThat(settings.pressure().caps())
                .extracting(c -> c.describe())
                .contains("2 per 7 days on all channels", "6 per 30 days on all channels", "1 per 7 days on SMS");
        assertThat(settings.quietHours())
                .hasValueSatisfying(q -> assertThat(q.start()).isEqualTo(LocalTime.of(21, 0)));
        assertThat(settings.zoneOf(Optional.of("NY-001"))).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(settings.zoneOf(Optional.of("MI-001"))).isEqualTo(ZoneId.of("Europe/Rome"));
        assertThat(settings.channelChoice().fallbackOrder()).containsExactly(Channel.SMS, Channel.EMAIL);
        assertThat(settings.publicBaseUrl()).contains("https://loyalty.example");
        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.language()).isEqualTo("en");
        assertThat(settings("7d:2", " ", " ").quietHours()).isEmpty();
    }

    @Test
    void aSettingThatCannotBeReadIsNamed() {
        assertThatThrownBy(() -> settings("7x:2", " ", " ")).hasMessageContaining("loyalty.messaging.pressure.caps");
        assertThatThrownBy(() -> settings("7d:2", "late", " ")).hasMessageContaining("loyalty.messaging.quiet-hours");
        assertThatThrownBy(() -> settings("7d:2", " ", "MI-001=Mars/Base"))
                .hasMessageContaining("loyalty.messaging.store-time-zones");
    }
}
