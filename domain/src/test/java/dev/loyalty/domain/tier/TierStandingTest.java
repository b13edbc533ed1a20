package dev.loyalty.domain.tier;

import static dev.loyalty.domain.tier.TierFixtures.programme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierStandingTest {

    private static final CustomerId ELENA = CustomerId.parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    private final TierProgramme programme = programme();

    @Test
    void progressSaysHowMuchMoreForTheNextTierAndUntilWhen() {
        QualifyingHistory history = new QualifyingHistory(Map.of(
                YearMonth.of(2025, 3), 90_000L, // out of the window
                YearMonth.of(2025, 4), 30_000L,
                YearMonth.of(2026, 3), 58_000L));
        CustomerTier silver = CustomerTier.reconstitute(
                ELENA, "Silver", NOW.minusSeconds(3600), Instant.parse("2027-03-15T09:00:00Z"), null, 2);

        TierStanding standing = TierStanding.of(programme, silver, history, NOW);

        assertThat(standing.tier().name()).isEqualTo("Silver");
        assertThat(standing.rank()).isEqualTo(1);
        assertThat(standing.qualifying()).isEqualTo(88_000);
        assertThat(standing.nextTier()).map(Tier::name).contains("Gold");
        assertThat(standing.neededForNext()).as("120 EUR more for Gold").isEqualTo(12_000);
        assertThat(standing.neededBy()).as("...by 31 March").isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(standing.window().firstDay()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(standing.keepBy()).contains(Instant.parse("2027-03-15T09:00:00Z"));
        assertThat(standing.neededToKeep())
                .as("at the review a year on, March 2026 has left the window: the whole threshold again")
                .isEqualTo(50_000);
    }

    @Test
    void whatIsNeededToKeepATierCountsOnlyTheMonthsStillInTheWindowAtTheReview() {
        QualifyingHistory history = new QualifyingHistory(Map.of(YearMonth.of(2025, 12), 70_000L));
        CustomerTier silver = CustomerTier.reconstitute(
                ELENA, "Silver", NOW.minusSeconds(3600), Instant.parse("2026-12-20T00:00:00Z"), null, 2);

        TierStanding standing = TierStanding.of(programme, silver, history, NOW);

        assertThat(standing.qualifying()).isEqualTo(70_000);
        assertThat(standing.neededToKeep()).isEqualTo(50_000);
    }

    @Test
    void inTheGracePeriodTheDeadlineIsItsEnd() {
        CustomerTier overdue = CustomerTier.reconstitute(
                ELENA, "Silver", NOW.minusSeconds(3600), Instant.parse("2026-03-01T00:00:00Z"), null, 2);

        TierStanding standing = TierStanding.of(programme, overdue, QualifyingHistory.none(), NOW);

        assertThat(standing.keepBy()).contains(Instant.parse("2026-03-31T00:00:00Z"));
        assertThat(standing.neededToKeep()).isEqualTo(50_000);
    }

    @Test
    void atTheTopThereIsNoNextTierAndInTheFirstNothingToKeep() {
        CustomerTier gold = CustomerTier.reconstitute(ELENA, "Gold", NOW, programme.reviewAfter(NOW), null, 2);
        CustomerTier fresh = CustomerTier.starting(ELENA, programme);

        TierStanding top = TierStanding.of(programme, gold, QualifyingHistory.none(), NOW);
        TierStanding bottom = TierStanding.of(programme, fresh, QualifyingHistory.none(), NOW);

        assertThat(top.nextTier()).isEmpty();
        assertThat(top.neededForNext()).isZero();
        assertThat(bottom.tier().name()).isEqualTo("Bronze");
        assertThat(bottom.reviewAt()).isEmpty();
        assertThat(bottom.keepBy()).isEmpty();
        assertThat(bottom.neededToKeep()).isZero();
        assertThat(bottom.neededForNext()).isEqualTo(TierFixtures.SILVER_FROM);
    }
}
