package dev.loyalty.domain.earning;

import static dev.loyalty.domain.earning.EarningFixtures.EUR;
import static dev.loyalty.domain.earning.EarningFixtures.LAUNCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarningRulesHistoryTest {

    private static final Instant SUMMER = Instant.parse("2024-07-01T00:00:00Z");
    private static final EarningRules V1 = EarningRules.flat(1, EUR, LAUNCH);
    private static final EarningRules V2 = EarningRules.flat(2, EUR, SUMMER);
    private static final EarningRulesHistory HISTORY = EarningRulesHistory.of(List.of(V2, V1));

    @Test
    void versionsAreKeptOldestFirst() {
        assertThat(HISTORY.versions()).containsExactly(V1, V2);
    }

    @Test
    void aVersionIsInForceFromItsInstantInclusive() {
        assertThat(HISTORY.rulesAt(LAUNCH)).isEqualTo(V1);
        assertThat(HISTORY.rulesAt(SUMMER)).isEqualTo(V2);
    }

    @Test
    void aVersionIsInForceUntilTheNextOneExclusive() {
        assertThat(HISTORY.rulesAt(SUMMER.minusNanos(1))).isEqualTo(V1);
        assertThat(HISTORY.rulesAt(Instant.parse("2024-03-15T10:00:00Z"))).isEqualTo(V1);
    }

    @Test
    void theLatestVersionStaysInForce() {
        assertThat(HISTORY.rulesAt(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(V2);
    }

    @Test
    void beforeTheFirstVersionNoRulesAreInForce() {
        Instant justBefore = LAUNCH.minusNanos(1);

        assertThatThrownBy(() -> HISTORY.rulesAt(justBefore))
                .isInstanceOfSatisfying(EarningRulesMissingException.class, e -> {
                    assertThat(e.code()).isEqualTo("earning-rules-missing");
                    assertThat(e.occurredAt()).isEqualTo(justBefore);
                });
    }

    @Test
    void anEmptyHistoryHasNoRules() {
        assertThatThrownBy(() -> EarningRulesHistory.empty().rulesAt(LAUNCH))
                .isInstanceOf(EarningRulesMissingException.class);
    }

    @Test
    void addingAVersionKeepsTheOrderAndLeavesTheOriginalUnchanged() {
        EarningRules v0 = EarningRules.flat(3, EUR, Instant.parse("2023-06-01T00:00:00Z"));

        EarningRulesHistory longer = HISTORY.with(v0);

        assertThat(longer.versions()).containsExactly(v0, V1, V2);
        assertThat(longer.rulesAt(LAUNCH.minusSeconds(1))).isEqualTo(v0);
        assertThat(HISTORY.versions()).containsExactly(V1, V2);
    }

    @Test
    void twoVersionsNeverTakeEffectAtTheSameInstant() {
        EarningRules rival = EarningRules.flat(5, EUR, SUMMER);

        assertThatThrownBy(() -> HISTORY.with(rival)).isInstanceOfSatisfying(EarningRulesConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("earning-rules-conflict");
            assertThat(e.effectiveFrom()).isEqualTo(SUMMER);
        });
        assertThatThrownBy(() -> HISTORY.with(V1)).isInstanceOf(EarningRulesConflictException.class);
        assertThatThrownBy(() -> EarningRulesHistory.of(List.of(V1, rival, V2)))
                .isInstanceOf(EarningRulesConflictException.class);
    }
}
