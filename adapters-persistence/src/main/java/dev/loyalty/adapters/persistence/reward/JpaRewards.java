package dev.loyalty.adapters.persistence.reward;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.reward.Rewards;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardId;
import dev.loyalty.domain.shared.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Rewards in MariaDB. */
@ApplicationScoped
public class JpaRewards implements Rewards {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    protected JpaRewards() {}

    /** For tests outside the container. */
    public JpaRewards(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public void add(Reward reward) {
        RewardJpaEntity row = new RewardJpaEntity();
        row.id = reward.id().toString();
        row.name = reward.name();
        row.pointsCost = reward.cost().value();
        row.templateId = reward.templateId().toString();
        row.active = reward.active();
        row.tiers = String.join("\n", new TreeSet<>(reward.tiers()));
        row.createdAt = UtcTimes.utc(clock.instant());
        em.persist(row);
        em.flush();
    }

    @Override
    public Optional<Reward> byId(RewardId id) {
        return Optional.ofNullable(em.find(RewardJpaEntity.class, id.toString()))
                .map(JpaRewards::toDomain);
    }

    @Override
    public List<Reward> all() {
        return em.createQuery("SELECT r FROM RewardJpaEntity r ORDER BY r.active DESC, r.name", RewardJpaEntity.class)
                .setMaxResults(1000)
                .getResultStream()
                .map(JpaRewards::toDomain)
                .toList();
    }

    private static Reward toDomain(RewardJpaEntity row) {
        return new Reward(
                new RewardId(UUID.fromString(row.id)),
                row.name,
                Points.of(row.pointsCost),
                new CouponTemplateId(UUID.fromString(row.templateId)),
                row.active,
                row.tiers == null || row.tiers.isEmpty() ? Set.of() : Set.of(row.tiers.split("\n")));
    }
}
