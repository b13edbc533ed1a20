package dev.loyalty.application.reward;

import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardId;
import java.util.List;
import java.util.Optional;

/** The stored rewards. */
public interface Rewards {

    void add(Reward reward);

    Optional<Reward> byId(RewardId id);

    /** Every reward, active ones first, then by name. */
    List<Reward> all();
}
