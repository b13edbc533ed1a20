package dev.loyalty.adapters.persistence.reward;

import dev.loyalty.application.reward.Rewards;
import dev.loyalty.domain.reward.Reward;
import dev.loyalty.domain.reward.RewardId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

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
        em.persist(RewardMapper.toRow(reward, clock.instant()));
        em.flush();
    }

    @Override
    public Optional<Reward> byId(RewardId id) {
        return Optional.ofNullable(em.find(RewardJpaEntity.class, id.toString()))
                .map(RewardMapper::toDomain);
    }

    @Override
    public List<Reward> all() {
        return em.createQuery("SELECT r FROM RewardJpaEntity r ORDER BY r.active DESC, r.name", RewardJpaEntity.class)
                .setMaxResults(1000)
                .getResultStream()
                .map(RewardMapper::toDomain)
                .toList();
    }
}
