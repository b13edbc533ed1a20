package dev.loyalty.adapters.web.tier;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code PUT /tiers}: the metric ({@code POINTS_EARNED} or {@code NET_SPEND}), the
 * window in months, the grace in days, optionally the review period in months (default: the
 * window) and whether a downgrade is one tier at a time (default: true), and the tiers, lowest
 * first: a name, a threshold (points, or cents for net spend; the first 0, then ascending) and an
 * earning multiplier with at most two decimals (e.g. 1.5). Each tier is checked by the domain,
 * which names the offending field, e.g. {@code tiers[2].threshold}.
 */
public record TierProgrammeRequest(
        @NotNull @Size(max = 16) String metric,
        @NotNull Integer windowMonths,
        @NotNull Integer graceDays,
        Integer reviewMonths,
        Boolean downgradeOneStep,
        @NotNull @Size(min = 1, max = 10) List<@NotNull TierBody> tiers) {

    /** One tier as sent. */
    public record TierBody(String name, Long threshold, BigDecimal earnMultiplier) {}
}
