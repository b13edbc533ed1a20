package dev.loyalty.domain.tier;

/**
 * What a customer's tier is measured on, over the programme's rolling window: never the spendable
 * balance, so spending points on a reward never moves a tier.
 */
public enum TierMetric {
    /**
     * The points purchases awarded (tier bonus included), less the points their refunds took back;
     * thresholds in points.
     */
    POINTS_EARNED,
    /**
     * What purchases came to after coupon discounts, less the amounts refunded; thresholds in cents
     * of the programme currency.
     */
    NET_SPEND
}
