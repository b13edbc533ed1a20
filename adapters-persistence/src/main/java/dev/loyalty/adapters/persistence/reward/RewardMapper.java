package dev.loyalty.adapters.persistence.reward;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Between a {@link Reward} and its {@code reward} row; the tiers are kept sorted, one a line. */
final class RewardMapper {

    private RewardMapper() {}

    static RewardJpaEntity toRow(Reward reward, Instant createdAt) {
        RewardJpaEntity row = new RewardJpaEntity();
        row.id = reward.id().toString();
        row.name = reward.name();
        row.pointsCost = reward.cost().value();
        row.templateId = reward.templateId().toString();
        row.active = reward.active();
        row.tiers = String.join("\n", new TreeSet<>(reward.tiers()));
        row.createdAt = UtcTimes.utc(createdAt);
        return row;
    }

    static Reward toDomain(RewardJpaEntity row) {
        return new Reward(
                new RewardId(UUID.fromString(row.id)),
                row.name,
                Points.of(row.pointsCost),
                new CouponTemplateId(UUID.fromString(row.templateId)),
                row.active,
                row.tiers == null || row.tiers.isEmpty() ? Set.of() : Set.of(row.tiers.split("\n")));
    }
}
