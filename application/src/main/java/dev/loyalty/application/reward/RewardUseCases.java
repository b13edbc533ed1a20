package dev.loyalty.application.reward;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardId;
import dev.loyalty.domain.shared.Points;
import java.util.List;

/** The rewards catalogue: the console defines rewards, everyone reads them, customers claim them. */
public interface RewardUseCases {

    /**
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     * @throws dev.loyalty.application.coupon.CouponTemplateNotFoundException for an unknown template
     */
    Reward define(String name, Points cost, CouponTemplateId templateId, Actor actor);

    /** @return the active rewards (every reward for an administrator) */
    List<Reward> catalogue(Actor actor);

    /**
     * Burns the reward's cost from the customer's points and issues the coupon, in one transaction.
     *
     * @throws dev.loyalty.domain.reward.RewardNotFoundException for an unknown or inactive reward
     * @throws dev.loyalty.domain.wallet.InsufficientPointsException when the balance is too low
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but a customer
     */
    RewardClaim claim(RewardId rewardId, Actor actor);
}
