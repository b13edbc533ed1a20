package dev.loyalty.adapters.web.reward;

import dev.loyalty.domain.reward.Reward;
import java.util.List;

/** A reward of the catalogue. */
public record RewardView(
        String rewardId, String name, long pointsCost, String templateId, boolean active, List<String> tiers) {

    static RewardView of(Reward reward) {
        return new RewardView(
                reward.id().toString(),
                reward.name(),
                reward.cost().value(),
                reward.templateId().toString(),
                reward.active(),
                reward.tiers().isEmpty()
                        ? null
                        : reward.tiers().stream().sorted().toList());
    }

    /** The catalogue. */
    public record RewardList(List<RewardView> items) {}
}
