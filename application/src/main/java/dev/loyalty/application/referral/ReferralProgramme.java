package dev.loyalty.application.referral;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Duration;

/**
 * What a completed referral earns and the limits against abuse.
 *
 * @param referrerPoints what the customer whose code was used earns
 * @param referredPoints what the newcomer earns
 * @param minPurchase the newcomer's first purchase must come to at least this net (cents)
 * @param monthlyCap the most referrals one customer is rewarded for in 30 days
 */
public record ReferralProgramme(long referrerPoints, long referredPoints, long minPurchase, int monthlyCap) {

    /** The window of the monthly cap. */
    public static final Duration CAP_WINDOW = Duration.ofDays(30);

    /** Checks the bounds. */
    public ReferralProgramme {
        if (referrerPoints < 0 || referrerPoints > 1_000_000) {
            throw new InvalidValueException("referrerPoints", "referrerPoints is between 0 and 1000000");
        }
        if (referredPoints < 0 || referredPoints > 1_000_000) {
            throw new InvalidValueException("referredPoints", "referredPoints is between 0 and 1000000");
        }
        if (minPurchase < 0 || minPurchase > 100_000_000) {
            throw new InvalidValueException("minPurchase", "minPurchase is between 0 and 100000000 cents");
        }
        if (monthlyCap < 0 || monthlyCap > 1000) {
            throw new InvalidValueException("monthlyCap", "monthlyCap is between 0 and 1000");
        }
    }
}
