package dev.loyalty.domain.campaign.evaluation;

/**
 * What the campaign's offer cost: the discounts its coupons actually granted at the till, and the
 * points it granted at their value (cents per thousand points, as the dashboard values the
 * liability; rounded half up to the cent).
 *
 * @param discounts cents of discount granted by the campaign's redeemed coupons
 * @param points points granted
 * @param pointsValue the points' value in cents
 */
public record OfferCost(long discounts, long points, long pointsValue) {

    public OfferCost {
        if (discounts < 0 || points < 0 || pointsValue < 0) {
            throw new IllegalArgumentException("costs are not negative");
        }
    }

    /** @return the cost of {@code discounts} cents of discount and {@code points} at {@code centsPerThousand} */
    public static OfferCost of(long discounts, long points, long centsPerThousand) {
        if (centsPerThousand < 0) {
            throw new IllegalArgumentException("points are not worth less than nothing");
        }
        return new OfferCost(
                discounts,
                points,
                Math.floorDiv(Math.addExact(Math.multiplyExact(points, centsPerThousand), 500), 1000));
    }

    /** @return discounts plus the points' value, cents */
    public long total() {
        return Math.addExact(discounts, pointsValue);
    }
}
