package dev.loyalty.adapters.persistence.tier;

import dev.loyalty.adapters.persistence.Locks;
import dev.loyalty.adapters.persistence.RecentRead;
import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.tier.StoredTierProgramme;
import dev.loyalty.application.tier.TierProgrammes;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.tier.TierProgramme;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tier programme in MariaDB: its one row and its levels. A replacement locks the row (the
 * review's batches read it in share mode, so a replacement waits for the batch in progress and a
 * batch never sees half a programme), then rewrites the levels.
 */
@ApplicationScoped
public class JpaTierProgrammes implements TierProgrammes {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaTierProgrammes() {}

    /** For tests outside the container. */
    public JpaTierProgrammes(EntityManager em) {
        this.em = em;
    }

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Every purchase of a customer asks for the programme (twice); it changes rarely. */
    private final RecentRead<Optional<StoredTierProgramme>> recent = new RecentRead<>(this::read);

    /** The programme read at most every {@link RecentRead#FOR}; a replacement made here is seen at once. */
    @Override
    public Optional<StoredTierProgramme> current() {
        return recent.get();
    }

    private Optional<StoredTierProgramme> read() {
        return em.createQuery("SELECT p FROM TierProgrammeJpaEntity p", TierProgrammeJpaEntity.class)
                .setHint(Locks.REFRESH, true)
                .getResultStream()
                .findFirst()
                .map(row -> TierMapper.toDomain(row, levels()));
    }

    @SuppressWarnings("unchecked")
    private List<TierMapper.Level> levels() {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT position, name, threshold, earn_multiplier_percent FROM tier_level ORDER BY position")
                .getResultList();
        return rows.stream()
                .map(row -> new TierMapper.Level(
                        ((Number) row[0]).intValue(),
                        (String) row[1],
                        ((Number) row[2]).longValue(),
                        ((Number) row[3]).intValue()))
                .toList();
    }

    @Override
    public StoredTierProgramme replace(TierProgramme programme, Instant at, String by) {
        Optional<TierProgrammeJpaEntity> locked = em.createQuery(
                        "SELECT p FROM TierProgrammeJpaEntity p", TierProgrammeJpaEntity.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(Locks.REFRESH, true)
                .getResultStream()
                .findFirst();
        long version = locked.map(row -> row.version + 1).orElse(1L);
        TierProgrammeJpaEntity row = TierMapper.toRow(programme, version, at, by);
        try {
            if (locked.isEmpty()) {
                em.persist(row);
            } else {
                em.createQuery(
                                """
                                UPDATE TierProgrammeJpaEntity p SET p.metric = :metric, p.windowMonths = :window,
                                p.graceDays = :grace, p.reviewMonths = :review, p.downgradeOneStep = :oneStep,
                                p.version = :version, p.changedAt = :at, p.changedBy = :by WHERE p.id = :id""")
                        .setParameter("metric", row.metric)
                        .setParameter("window", row.windowMonths)
                        .setParameter("grace", row.graceDays)
                        .setParameter("review", row.reviewMonths)
                        .setParameter("oneStep", row.downgradeOneStep)
                        .setParameter("version", row.version)
                        .setParameter("at", UtcTimes.utc(at))
                        .setParameter("by", by)
                        .setParameter("id", TierProgrammeJpaEntity.ID)
                        .executeUpdate();
            }
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).isPresent()) {
                throw new ConcurrentUpdateException("the tier programme was set meanwhile");
            }
            throw e;
        }
        em.createNativeQuery("DELETE FROM tier_level").executeUpdate();
        for (TierMapper.Level level : TierMapper.levels(programme)) {
            em.createNativeQuery(
                            "INSERT INTO tier_level (position, name, threshold, earn_multiplier_percent) VALUES (?, ?, ?, ?)")
                    .setParameter(1, level.position())
                    .setParameter(2, level.name())
                    .setParameter(3, level.threshold())
                    .setParameter(4, level.earnMultiplierPercent())
                    .executeUpdate();
        }
        recent.forgetAfter(transactions);
        return new StoredTierProgramme(programme, version, at, by);
    }
}
