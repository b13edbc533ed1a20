package dev.loyalty.application.reward;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardId;
import dev.loyalty.domain.shared.Points;
import java.util.List;
import java.util.Set;

/** The rewards catalogue: the console defines rewards, everyone reads them, customers claim them. */
public interface RewardUseCases {

    /**
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     * @throws dev.loyalty.application.coupon.CouponTemplateNotFoundException for an unknown template
     */
    default Reward define(String name, Points cost, CouponTemplateId templateId, Actor actor) {
        return define(name, cost, templateId, Set.of(), actor);
    }

    /**
     * A reward kept for customers of some tiers.
     *
     * @param tiers the tiers whose customers may claim it; empty for every customer
     * @throws dev.loyalty.domain.shared.InvalidValueException (field {@code tiers}) for a tier the
     *     programme does not have, or when there is no programme
     */
    Reward define(String name, Points cost, CouponTemplateId templateId, Set<String> tiers, Actor actor);

    /** @return the active rewards (every reward for an administrator) */
    List<Reward> catalogue(Actor actor);

    /**
     * Burns the reward's cost from the customer's points and issues the coupon, in one transaction.
     *
     * @throws dev.loyalty.domain.reward.RewardNotFoundException for an unknown or inactive reward
     * @throws dev.loyalty.domain.wallet.InsufficientPointsException when the balance is too low
     * @throws dev.loyalty.domain.reward.RewardTierNotEligibleException when the reward is kept for
     *     tiers the customer is not in
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but a customer
     */
    RewardClaim claim(RewardId rewardId, Actor actor);
}
