package dev.loyalty.domain.tier;

import static dev.loyalty.domain.tier.TierFixtures.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.tier.TierProgramme.TierDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TierProgrammeTest {

    private static final List<TierDefinition> THREE = List.of(
            new TierDefinition("Bronze", 0L, BigDecimal.ONE),
            new TierDefinition("Silver", 50_000L, new BigDecimal("1.5")),
            new TierDefinition("Gold", 100_000L, new BigDecimal("2.00")));

    private static String fieldOf(Runnable definition) {
        try {
            definition.run();
        } catch (InvalidValueException e) {
            return e.field();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aProgrammeDefinedWithoutOptionsIsReviewedAfterItsWindowAndDowngradesOneStep() {
        TierProgramme p = TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, THREE);

        assertThat(p.reviewMonths()).isEqualTo(12);
        assertThat(p.downgradeOneStep()).isTrue();
        assertThat(p.tiers()).extracting(Tier::earnMultiplierPercent).containsExactly(100, 150, 200);
        assertThat(p.tier(2).earnMultiplier()).isEqualByComparingTo("2").hasToString("2");
        assertThat(p.tier(1).earnMultiplier()).hasToString("1.5");
    }

    @Test
    void theFirstTierStartsAtZeroAndThresholdsAscendStrictly() {
        List<TierDefinition> notFromZero = new ArrayList<>(THREE);
        notFromZero.set(0, new TierDefinition("Bronze", 1L, BigDecimal.ONE));
        List<TierDefinition> equal = new ArrayList<>(THREE);
        equal.set(2, new TierDefinition("Gold", 50_000L, BigDecimal.TEN));
        List<TierDefinition> descending = new ArrayList<>(THREE);
        descending.set(2, new TierDefinition("Gold", 40_000L, BigDecimal.TEN));

        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, notFromZero)))
                .isEqualTo("tiers[0].threshold");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, equal)))
                .isEqualTo("tiers[2].threshold");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, descending)))
                .isEqualTo("tiers[2].threshold");
    }

    @Test
    void namesAreUniqueRegardlessOfCaseAndNeverBlank() {
        List<TierDefinition> twice = new ArrayList<>(THREE);
        twice.set(2, new TierDefinition("silver ", 100_000L, BigDecimal.TEN));
        List<TierDefinition> blank = new ArrayList<>(THREE);
        blank.set(1, new TierDefinition(" ", 50_000L, BigDecimal.ONE));

        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, twice)))
                .isEqualTo("tiers[2].name");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, blank)))
                .isEqualTo("tiers[1].name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.125", "-1", "10.01", "1000"})
    void aMultiplierIsKeptExactlyAndWithinReason(String multiplier) {
        List<TierDefinition> tiers = new ArrayList<>(THREE);
        tiers.set(1, new TierDefinition("Silver", 50_000L, new BigDecimal(multiplier)));

        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, tiers)))
                .isEqualTo("tiers[1].earnMultiplier");
    }

    @Test
    void missingPartsAreNamed() {
        List<TierDefinition> noThreshold = new ArrayList<>(THREE);
        noThreshold.set(1, new TierDefinition("Silver", null, BigDecimal.ONE));
        List<TierDefinition> noMultiplier = new ArrayList<>(THREE);
        noMultiplier.set(1, new TierDefinition("Silver", 50_000L, null));

        assertThat(fieldOf(() -> TierProgramme.define(null, 12, 30, null, null, THREE)))
                .isEqualTo("metric");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, null, 30, null, null, THREE)))
                .isEqualTo("windowMonths");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, null, null, null, THREE)))
                .isEqualTo("graceDays");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, null)))
                .isEqualTo("tiers");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, List.of())))
                .isEqualTo("tiers");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, noThreshold)))
                .isEqualTo("tiers[1].threshold");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, null, null, noMultiplier)))
                .isEqualTo("tiers[1].earnMultiplier");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 37})
    void windowsAndReviewPeriodsAreOneToThirtySixMonths(int months) {
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, months, 30, null, null, THREE)))
                .isEqualTo("windowMonths");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 30, months, null, THREE)))
                .isEqualTo("reviewMonths");
    }

    @Test
    void graceIsZeroToAYear() {
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, -1, null, null, THREE)))
                .isEqualTo("graceDays");
        assertThat(fieldOf(() -> TierProgramme.define(TierMetric.NET_SPEND, 12, 366, null, null, THREE)))
                .isEqualTo("graceDays");
        assertThat(TierProgramme.define(TierMetric.NET_SPEND, 12, 0, null, null, THREE)
                        .graceDays())
                .isZero();
    }

    @Test
    void theTierReachedIsTheHighestWhoseThresholdIsMet() {
        TierProgramme p = programme();

        assertThat(p.reachedBy(0).name()).isEqualTo("Bronze");
        assertThat(p.reachedBy(49_999).name()).isEqualTo("Bronze");
        assertThat(p.reachedBy(50_000).name()).isEqualTo("Silver");
        assertThat(p.reachedBy(5_000_000).name()).isEqualTo("Gold");
        assertThat(p.rankOf("GOLD")).contains(2);
        assertThat(p.rankOf("Platinum")).isEmpty();
        assertThat(p.above(p.tier(1))).contains(p.tier(2));
        assertThat(p.above(p.tier(2))).isEmpty();
    }

    @Test
    void theWindowIsTheCurrentMonthAndTheOnesBeforeIt() {
        QualifyingWindow window = programme().windowAt(Instant.parse("2026-03-15T10:00:00Z"));

        assertThat(window.first()).isEqualTo(YearMonth.of(2025, 4));
        assertThat(window.last()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(window.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(window.contains(YearMonth.of(2025, 3))).isFalse();
    }

    @Test
    void aReviewComesAReviewPeriodLaterByTheCalendar() {
        assertThat(programme().reviewAfter(Instant.parse("2026-01-31T10:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
        assertThat(TierFixtures.programme(TierMetric.NET_SPEND, 12, 30, 1, true)
                        .reviewAfter(Instant.parse("2026-01-31T10:00:00Z")))
                .as("the end of a shorter month, as the database's INTERVAL does")
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    }

    @Test
    void aProgrammeHasAtMostTenTiers() {
        List<Tier> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new Tier("T" + i, i * 100L, 100));
        }
        assertThatThrownBy(() -> new TierProgramme(TierMetric.POINTS_EARNED, 12, 0, 12, true, eleven))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tiers"));
    }
}
