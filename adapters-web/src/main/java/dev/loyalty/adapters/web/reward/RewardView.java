package dev.loyalty.adapters.web.reward;

import dev.loyalty.domain.reward.Reward;

/** A reward of the catalogue. */
public record RewardView(String rewardId, String name, long pointsCost, String templateId, boolean active) {

    static RewardView of(Reward reward) {
        return new RewardView(
                reward.id().toString(),
                reward.name(),
                reward.cost().value(),
                reward.templateId().toString(),
                reward.active());
    }

    /** The catalogue. */
    public record RewardList(java.util.List<RewardView> items) {}
}
