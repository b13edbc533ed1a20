package dev.loyalty.domain.reward;

import dev.loyalty.domain.shared.DomainException;

/**
 * A customer claimed a reward kept for tiers they are not in. Code {@value #CODE}; nothing was
 * spent.
 */
public class RewardTierNotEligibleException extends DomainException {

    /** The machine code. */
    public static final String CODE = "reward-tier-not-eligible";

    /**
     * @param reward the reward
     * @param customerTier the customer's tier, or {@code null} for none
     */
    public RewardTierNotEligibleException(Reward reward, String customerTier) {
        super("the reward is for " + String.join(", ", reward.tiers()) + " customers; "
                + (customerTier == null ? "this customer has no tier" : "this customer is " + customerTier));
    }

    @Override
    public String code() {
        return CODE;
    }
}
