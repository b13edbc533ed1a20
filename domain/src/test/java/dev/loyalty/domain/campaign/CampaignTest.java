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

    private static Campaign launched(String schedule, String activeUntil, Optional<Instant> nextRunAt) {
        Campaign draft = Campaign.draft(
                CampaignId.newId(),
                CampaignDefinitionParser.parse(
                        """
                        {"name": "x", "type": "CALENDAR", "audience": {"condition": {"tier": "Gold"}},
                         "offer": {"points": 10}%s%s}"""
                                .formatted(
                                        schedule == null ? "" : ", \"schedule\": " + schedule,
                                        activeUntil == null ? "" : ", \"activeUntil\": \"" + activeUntil + "\"")),
                KEY,
                NOW);
        return draft.apply(CampaignTransition.LAUNCH, nextRunAt, NOW);
    }

    @Test
    void the_consoles_transitions_are_one_command() {
        Campaign launched = launched(null, null, Optional.empty());
        assertThat(launched.status()).isEqualTo(CampaignStatus.SCHEDULED);
        Campaign paused = launched.apply(CampaignTransition.PAUSE, Optional.empty(), NOW);
        assertThat(paused.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThatThrownBy(() -> paused.apply(CampaignTransition.PAUSE, Optional.empty(), NOW))
                .isInstanceOf(CampaignStateConflictException.class);
        assertThat(CampaignTransition.CANCEL.pathName()).isEqualTo("cancel");
        assertThat(paused.apply(CampaignTransition.CANCEL, Optional.empty(), NOW)
                        .status())
                .isEqualTo(CampaignStatus.CANCELLED);
    }

    @Test
    void a_campaign_completes_when_its_schedule_has_nothing_left_and_a_run_ended_or_its_end_date_passed() {
        Campaign once = launched("{\"at\": \"2026-12-02T09:00:00Z\"}", null, Optional.empty());
        assertThat(once.completedAt(NOW, false))
                .as("its slot's run has not ended")
                .isFalse();
        assertThat(once.completedAt(NOW, true)).isTrue();
        Campaign due = launched("{\"at\": \"2026-12-02T09:00:00Z\"}", null, Optional.of(NOW));
        assertThat(due.completedAt(NOW, true)).as("a slot is still due").isFalse();

        Campaign manual = launched(null, null, Optional.empty());
        assertThat(manual.completedAt(NOW, true))
                .as("run from the console only: no last slot")
                .isFalse();
        Campaign ending = launched(null, "2026-12-10T00:00:00Z", Optional.empty());
        assertThat(ending.completedAt(Instant.parse("2026-12-09T23:59:59Z"), true))
                .isFalse();
        assertThat(ending.completedAt(Instant.parse("2026-12-10T00:00:00Z"), false))
                .isTrue();
        Campaign daily = launched("{\"daily\": \"09:00\"}", "2026-12-10T00:00:00Z", Optional.of(NOW));
        assertThat(daily.completedAt(Instant.parse("2026-12-11T00:00:00Z"), true))
                .isTrue();
        assertThat(ending.apply(CampaignTransition.PAUSE, Optional.empty(), NOW)
                        .completedAt(Instant.parse("2027-01-01T00:00:00Z"), true))
                .as("a paused campaign waits for the console")
                .isFalse();
    }
}
