package dev.loyalty.adapters.persistence.reward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mapping between a reward and its row, without a database. */
class RewardMapperTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00.123456Z");

    @Test
    void aRewardForSomeTiersSurvivesTheRoundTripThroughItsRow() {
        Reward reward = new Reward(
                new RewardId(UUID.randomUUID()),
                "Espresso cup",
                Points.of(1_500),
                CouponTemplateId.newId(),
                true,
                Set.of("Silver", "Gold"));

        RewardJpaEntity row = RewardMapper.toRow(reward, AT);

        assertThat(RewardMapper.toDomain(row)).isEqualTo(reward);
        assertThat(row.tiers).isEqualTo("Gold\nSilver");
        assertThat(row.createdAt).isEqualTo(UtcTimes.utc(AT));
    }

    @Test
    void aRewardForEveryoneKeepsNoTier() {
        Reward reward = new Reward(
                new RewardId(UUID.randomUUID()), "Tote bag", Points.of(300), CouponTemplateId.newId(), false, Set.of());

        RewardJpaEntity row = RewardMapper.toRow(reward, AT);

        assertThat(row.tiers).isEmpty();
        assertThat(RewardMapper.toDomain(row)).isEqualTo(reward);
    }
}
