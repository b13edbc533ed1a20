/**
 * Earning: the versioned rules that say how many points a purchase earns
 * ({@link dev.loyalty.domain.earning.EarningRules}, kept over time in
 * {@link dev.loyalty.domain.earning.EarningRulesHistory}) and the
 * {@link dev.loyalty.domain.earning.EarningPolicy} that applies one version to the net amount
 * paid for each basket line after coupon discounts, in exact arithmetic rounded once. Plain Java
 * only.
 */
package dev.loyalty.domain.earning;
