package dev.loyalty.adapters.web.tier;

import dev.loyalty.application.tier.StoredTierProgramme;
import dev.loyalty.domain.tier.Tier;
import dev.loyalty.domain.tier.TierProgramme;
import java.math.BigDecimal;
import java.util.List;

/** The tier programme as set, with its version and who set it when. */
public record TierProgrammeView(
        String metric,
        int windowMonths,
        int graceDays,
        int reviewMonths,
        boolean downgradeOneStep,
        List<TierLine> tiers,
        long version,
        String changedAt,
        String changedBy) {

    static TierProgrammeView of(StoredTierProgramme stored) {
        TierProgramme programme = stored.programme();
        return new TierProgrammeView(
                programme.metric().name(),
                programme.windowMonths(),
                programme.graceDays(),
                programme.reviewMonths(),
                programme.downgradeOneStep(),
                programme.tiers().stream().map(TierLine::of).toList(),
                stored.version(),
                stored.changedAt().toString(),
                stored.changedBy());
    }

    /** One tier: its name, threshold (points or cents) and multiplier. */
    public record TierLine(String name, long threshold, BigDecimal earnMultiplier) {

        static TierLine of(Tier tier) {
            return new TierLine(tier.name(), tier.threshold(), tier.earnMultiplier());
        }
    }
}
