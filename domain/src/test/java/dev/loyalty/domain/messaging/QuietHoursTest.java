package dev.loyalty.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));

    @Test
    void aMessageAtNightWaitsForTheMorningInTheStoresZone() {
        // 22:30 in Rome (UTC+1 in November)
        assertThat(night.deferral(Instant.parse("2026-11-23T21:30:00Z"), ROME))
                .contains(Instant.parse("2026-11-24T08:00:00Z"));
        // 03:00 in Rome: the same morning
        assertThat(night.deferral(Instant.parse("2026-11-24T02:00:00Z"), ROME))
                .contains(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void aMessageInTheDayGoes() {
        assertThat(night.deferral(Instant.parse("2026-11-23T08:00:00Z"), ROME)).isEmpty();
        assertThat(night.deferral(Instant.parse("2026-11-23T19:59:59Z"), ROME)).isEmpty();
    }

    @Test
    void theSameInstantIsQuietInOneStoreAndNotInAnother() {
        Instant instant = Instant.parse("2026-11-23T21:30:00Z");
        assertThat(night.deferral(instant, ZoneId.of("America/New_York"))).isEmpty();
        assertThat(night.deferral(instant, ROME)).isPresent();
    }

    @Test
    void quietHoursWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertThat(lunch.deferral(Instant.parse("2026-11-23T12:30:00Z"), ROME))
                .contains(Instant.parse("2026-11-23T13:00:00Z"));
        assertThat(lunch.deferral(Instant.parse("2026-11-23T13:00:00Z"), ROME)).isEmpty();
    }
}
