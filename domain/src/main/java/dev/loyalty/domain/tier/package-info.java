/**
 * Tiers: the status levels of the programme ({@link dev.loyalty.domain.tier.TierProgramme}, ordered
 * {@link dev.loyalty.domain.tier.Tier}s with thresholds on a qualifying metric over a rolling window
 * of calendar months), each customer's standing in it ({@link dev.loyalty.domain.tier.CustomerTier})
 * and the {@link dev.loyalty.domain.tier.TierMovementPolicy} that moves it: up as soon as a threshold
 * is crossed, down only at a review after a grace period. The qualifying metric is never the
 * spendable balance. Plain Java only.
 */
package dev.loyalty.domain.tier;
