package dev.loyalty.application.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.shared.AccessDeniedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-04T04:07:00Z");

    /** Rows left, and the cut-offs asked for. */
    private int prospects = RetentionService.BATCH * 2 + 7;

    private final List<Instant> cutOffs = new ArrayList<>();

    private final ExpiredData expired = new ExpiredData() {
        @Override
        public int deleteProspectEvents(Instant before, int batch) {
            cutOffs.add(before);
            int removed = Math.min(batch, prospects);
            prospects -= removed;
            return removed;
        }

        @Override
        public int deleteEvents(Instant before, int batch) {
            cutOffs.add(before);
            return 0;
        }

        @Override
        public int deleteVerdicts(Instant before, int batch) {
            cutOffs.add(before);
            return 3;
        }

        @Override
        public int deleteMessageHistory(Instant before, int batch) {
            cutOffs.add(before);
            return 0;
        }

        @Override
        public int eraseMessageTexts(Instant before, int batch) {
            cutOffs.add(before);
            return 1;
        }
    };

    private final RetentionService service = new RetentionService(
            expired,
            new RetentionBatches(),
            new RetentionSettings(
                    Duration.ofDays(180), Duration.ofDays(730), Duration.ofDays(365), Duration.ofDays(30)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eachKindIsPurgedInBatchesUntilAShortOneFromItsOwnCutOff() {
        PurgeReport report = service.purge(Actor.admin("ops"));

        assertThat(report.prospectEvents()).isEqualTo(RetentionService.BATCH * 2 + 7);
        assertThat(prospects).isZero();
        assertThat(report.verdicts()).isEqualTo(3);
        assertThat(report.messageTexts()).isEqualTo(1);
        assertThat(cutOffs)
                .containsExactly(
                        NOW.minus(Duration.ofDays(180)),
                        NOW.minus(Duration.ofDays(180)),
                        NOW.minus(Duration.ofDays(180)),
                        NOW.minus(Duration.ofDays(730)),
                        NOW.minus(Duration.ofDays(365)),
                        NOW.minus(Duration.ofDays(30)),
                        NOW.minus(Duration.ofDays(30)));
    }

    @Test
    void onlyTheConsolePurgesOnDemandAndAPeriodThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> service.purge(Actor.terminal("till", "MI-001")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(cutOffs).isEmpty();
        assertThatThrownBy(() -> new RetentionSettings(
                        Duration.ZERO, Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1)))
                .hasMessageContaining("LOYALTY_RETENTION_PROSPECT_DAYS");
    }
}
