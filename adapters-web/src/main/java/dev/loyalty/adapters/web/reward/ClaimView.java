package dev.loyalty.adapters.web.reward;

import dev.loyalty.application.reward.RewardClaim;
import java.time.Instant;

/** A claimed reward: the coupon it gave, the points it cost and the balance left. */
public record ClaimView(
        String rewardId, String code, String printableCode, Instant validUntil, long pointsSpent, long walletBalance) {

    static ClaimView of(RewardClaim claim) {
        return new ClaimView(
                claim.reward().id().toString(),
                claim.coupon().code().value(),
                claim.coupon().code().printable(),
                claim.coupon().validUntil(),
                claim.reward().cost().value(),
                claim.balance().value());
    }
}
