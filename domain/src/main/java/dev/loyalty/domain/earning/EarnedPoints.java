package dev.loyalty.domain.earning;

import dev.loyalty.domain.shared.Points;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The points a purchase earns and how: the exact total (the sum of the lines' exact points, in
 * millionths of a point), rounded once by the rules' rounding, with each line's contribution for
 * the quote response and for explaining a balance. Invariants: the lines' millionths sum to
 * {@link #exactMillionths()} and {@link #points()} is that sum rounded by {@link #rounding()}.
 *
 * @param points the whole points earned
 * @param exactMillionths the exact total before rounding, in millionths of a point
 * @param rounding the rounding applied to the total
 * @param tierMultiplierPercent the tier multiplier applied on top of the category multipliers
 * @param rulesEffectiveFrom the {@code effectiveFrom} of the rules version used
 * @param lines one contribution per basket line, in basket order
 */
public record EarnedPoints(
        Points points,
        long exactMillionths,
        PointsRounding rounding,
        int tierMultiplierPercent,
        Instant rulesEffectiveFrom,
        List<LineEarning> lines) {

    /** The exact amounts are counted in millionths of a point (cents, rate and two percents). */
    public static final long MILLIONTHS_PER_POINT = 1_000_000;

    /** Validates that the total is the sum of the lines, rounded once. */
    public EarnedPoints {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(rulesEffectiveFrom, "rulesEffectiveFrom");
        lines = List.copyOf(lines);
        long sum = 0;
        for (LineEarning line : lines) {
            sum = Math.addExact(sum, line.millionths());
        }
        if (sum != exactMillionths) {
            throw new IllegalArgumentException("the lines sum to " + sum + " millionths, not " + exactMillionths);
        }
        if (points.value() != rounding.round(exactMillionths)) {
            throw new IllegalArgumentException(
                    points + " points is not " + exactMillionths + " millionths rounded " + rounding);
        }
    }

    /** @return the exact total before rounding, e.g. {@code 2.970000} */
    public BigDecimal exactPoints() {
        return BigDecimal.valueOf(exactMillionths, 6);
    }
}
