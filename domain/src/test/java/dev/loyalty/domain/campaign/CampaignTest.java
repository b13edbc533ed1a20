package dev.loyalty.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Campaign draft() {
        return Campaign.draft(
                CampaignId.newId(),
                CampaignDefinitionParser.parse(
                        """
                        {"name": "x", "type": "CALENDAR", "audience": {"condition": {"tier": "Gold"}},
                         "offer": {"points": 10}, "activeUntil": "2027-01-01T00:00:00Z"}"""),
                KEY,
                NOW);
    }

    @Test
    void a_draft_is_launched_paused_launched_again_and_cancelled() {
        Campaign c = draft();
        assertThatThrownBy(() -> c.requireRunnable(NOW)).isInstanceOf(CampaignStateConflictException.class);
        Campaign launched = c.launch(Optional.of(NOW.plusSeconds(60)), NOW);
        assertThat(launched.status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(launched.nextRunAt()).contains(NOW.plusSeconds(60));
        launched.requireRunnable(NOW);
        assertThatThrownBy(() -> launched.change(c.definition(), NOW))
                .isInstanceOf(CampaignStateConflictException.class);
        assertThatThrownBy(() -> launched.launch(Optional.empty(), NOW))
                .isInstanceOf(CampaignStateConflictException.class);
        Campaign paused = launched.pause(NOW);
        assertThatThrownBy(() -> paused.requireRunnable(NOW)).isInstanceOf(CampaignStateConflictException.class);
        Campaign cancelled = paused.launch(Optional.empty(), NOW).cancel(NOW);
        assertThat(cancelled.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThatThrownBy(() -> cancelled.cancel(NOW)).isInstanceOf(CampaignStateConflictException.class);
        assertThat(cancelled.version()).isEqualTo(5);
    }

    @Test
    void a_campaign_past_its_active_dates_does_not_run() {
        Campaign launched = draft().launch(Optional.empty(), NOW);
        assertThatThrownBy(() -> launched.requireRunnable(Instant.parse("2027-01-01T00:00:00Z")))
                .isInstanceOf(CampaignStateConflictException.class)
                .hasMessageContaining("active");
    }

    @Test
    void a_daily_schedule_gives_the_next_slot_in_the_zone() {
        Schedule daily = new Schedule.Daily(java.time.LocalTime.of(9, 0));
        java.time.ZoneId rome = java.time.ZoneId.of("Europe/Rome");
        assertThat(daily.nextAfter(Instant.parse("2026-12-01T07:59:00Z"), rome))
                .contains(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2026-12-01T08:00:00Z"), rome))
                .contains(Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(daily.firstFrom(Instant.parse("2026-12-01T08:00:00Z"), rome))
                .contains(Instant.parse("2026-12-01T08:00:00Z"));
    }
}
