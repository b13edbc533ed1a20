package dev.loyalty.application.reward;

import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rewards in memory, for service tests. Thread-safe. */
public final class InMemoryRewards implements Rewards {

    private final Map<RewardId, Reward> rewards = new LinkedHashMap<>();

    @Override
    public synchronized void add(Reward reward) {
        rewards.put(reward.id(), reward);
    }

    @Override
    public synchronized Optional<Reward> byId(RewardId id) {
        return Optional.ofNullable(rewards.get(id));
    }

    @Override
    public synchronized List<Reward> all() {
        return new ArrayList<>(rewards.values());
    }
}
