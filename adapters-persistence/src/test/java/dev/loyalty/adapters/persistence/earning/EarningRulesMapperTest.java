package dev.loyalty.adapters.persistence.earning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.PointsRounding;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping between a version of the earning rules and its row, without a database. */
class EarningRulesMapperTest {

    @Test
    void aVersionSurvivesTheRoundTripThroughItsRow() {
        EarningRules version = new EarningRules(
                2,
                Map.of("wine", 200, "fresh", 150),
                Set.of("tobacco", "gift-cards"),
                PointsRounding.HALF_UP,
                Currency.getInstance("EUR"),
                Instant.parse("2026-04-01T00:00:00Z"));

        EarningRulesJpaEntity row = EarningRulesMapper.toRow(version);

        assertThat(EarningRulesMapper.toDomain(row)).isEqualTo(version);
        assertThat(row.categoryMultipliers).isEqualTo("fresh=150\nwine=200");
        assertThat(row.excludedCategories).isEqualTo("gift-cards\ntobacco");
    }

    @Test
    void aFlatVersionKeepsNoMultiplierAndNoExclusion() {
        EarningRules flat = EarningRules.flat(1, Currency.getInstance("CHF"), Instant.EPOCH);

        EarningRulesJpaEntity row = EarningRulesMapper.toRow(flat);

        assertThat(row.categoryMultipliers).isEmpty();
        assertThat(row.excludedCategories).isEmpty();
        assertThat(EarningRulesMapper.toDomain(row)).isEqualTo(flat);
    }
}
