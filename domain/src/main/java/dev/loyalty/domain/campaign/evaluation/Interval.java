package dev.loyalty.domain.campaign.evaluation;

/**
 * A confidence interval, both bounds finite and in order.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record Interval(double low, double high) {

    public Interval {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException(
                    "an interval has finite bounds in order, got [" + low + ", " + high + "]");
        }
    }

    /** @return the interval centre ± halfWidth */
    static Interval around(double centre, double halfWidth) {
        return new Interval(centre - halfWidth, centre + halfWidth);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
