package dev.loyalty.application.reward;

import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.shared.Points;

/**
 * A claimed reward.
 *
 * @param reward the reward
 * @param coupon the personal coupon it gave
 * @param balance the customer's points after paying for it
 */
public record RewardClaim(Reward reward, Coupon coupon, Points balance) {}
