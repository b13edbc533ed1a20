package dev.loyalty.domain.tier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Tier programmes for tests, shared with the other modules through the test-jar. {@link #programme()}:
 * net spend over 12 months, reviewed 12 months after a tier is reached, 30 days of grace, one tier
 * down at a time; Bronze from 0 (x1), Silver from 500.00 EUR (x1.5), Gold from 1,000.00 EUR (x2).
 */
public final class TierFixtures {

    /** Silver's threshold in cents. */
    public static final long SILVER_FROM = 50_000;

    /** Gold's threshold in cents. */
    public static final long GOLD_FROM = 100_000;

    private TierFixtures() {}

    /** @return Bronze, Silver and Gold on net spend */
    public static TierProgramme programme() {
        return programme(TierMetric.NET_SPEND, 12, 30, 12, true);
    }

    /** @return Bronze, Silver and Gold with these rules */
    public static TierProgramme programme(
            TierMetric metric, int windowMonths, int graceDays, int reviewMonths, boolean downgradeOneStep) {
        return new TierProgramme(
                metric,
                windowMonths,
                graceDays,
                reviewMonths,
                downgradeOneStep,
                List.of(
                        Tier.of("Bronze", 0, BigDecimal.ONE),
                        Tier.of("Silver", SILVER_FROM, new BigDecimal("1.5")),
                        Tier.of("Gold", GOLD_FROM, new BigDecimal("2"))));
    }
}
