package dev.loyalty.adapters.persistence.tier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.tier.StoredTierProgramme;
import dev.loyalty.application.tier.TierHistoryEntry;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.TierChangeCause;
import dev.loyalty.domain.tier.TierFixtures;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.tier.TierProgramme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping of the tier programme and history to their rows, without a database. */
class TierMapperTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00.123456Z");

    @Test
    void aProgrammeSurvivesTheRoundTripThroughItsRows() {
        TierProgramme programme = TierFixtures.programme(TierMetric.POINTS_EARNED, 6, 14, 3, false);

        List<TierMapper.Level> levels = new ArrayList<>(TierMapper.levels(programme));
        Collections.reverse(levels);

        StoredTierProgramme back = TierMapper.toDomain(TierMapper.toRow(programme, 4, AT, "anna"), levels);

        assertThat(back).isEqualTo(new StoredTierProgramme(programme, 4, AT, "anna"));
    }

    @Test
    void aHistoryEntrySurvivesTheRoundTripThroughItsRow() {
        TierHistoryEntry entry = new TierHistoryEntry(
                CustomerId.newId(),
                "Silver",
                "Gold",
                TierChangeCause.ADMIN,
                12_345L,
                null,
                "anna",
                "status match",
                AT.plusSeconds(86_400),
                AT);

        assertThat(TierMapper.toDomain(TierMapper.toRow(entry))).isEqualTo(entry);
    }
}
