package dev.loyalty.adapters.persistence.tier;

import dev.loyalty.adapters.persistence.Locks;
import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.tier.CustomerTiers;
import dev.loyalty.application.tier.TierHistoryEntry;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.TierProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Customers' standings and tier history in MariaDB. A save is one conditional UPDATE on the version
 * read (or the INSERT of a standing never stored); a standing is started with INSERT ... ON
 * DUPLICATE KEY UPDATE, which locks a row inserted meanwhile instead of failing, as wallets are.
 */
@ApplicationScoped
public class JpaCustomerTiers implements CustomerTiers {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaCustomerTiers() {}

    /** For tests outside the container. */
    public JpaCustomerTiers(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<CustomerTier> byCustomer(CustomerId customerId) {
        return em.createQuery(
                        "SELECT t FROM CustomerTierJpaEntity t WHERE t.customerId = :id", CustomerTierJpaEntity.class)
                .setParameter("id", customerId.toString())
                .setHint(Locks.REFRESH, true)
                .getResultStream()
                .findFirst()
                .map(TierMapper::toDomain);
    }

    @Override
    public Optional<CustomerTier> lockedByCustomer(CustomerId customerId) {
        return em.createQuery(
                        "SELECT t FROM CustomerTierJpaEntity t WHERE t.customerId = :id", CustomerTierJpaEntity.class)
                .setParameter("id", customerId.toString())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(Locks.REFRESH, true)
                .getResultStream()
                .findFirst()
                .map(TierMapper::toDomain);
    }

    @Override
    public CustomerTier lockedOrStarted(CustomerId customerId, TierProgramme programme, Instant now) {
        em.createNativeQuery(
                        """
                        INSERT INTO customer_tier (customer_id, tier, since, review_at, held_until, version)
                        VALUES (?, ?, ?, NULL, NULL, 1) ON DUPLICATE KEY UPDATE version = version""")
                .setParameter(1, customerId.toString())
                .setParameter(2, programme.base().name())
                .setParameter(3, UtcTimes.utc(now))
                .executeUpdate();
        return lockedByCustomer(customerId)
                .orElseThrow(() -> new IllegalStateException("no tier can be started for " + customerId));
    }

    @Override
    public void save(CustomerTier standing) {
        String id = standing.customerId().toString();
        if (standing.isNew()) {
            try {
                em.createNativeQuery(
                                """
                                INSERT INTO customer_tier (customer_id, tier, since, review_at, held_until, version)
                                VALUES (?, ?, ?, ?, ?, 1)""")
                        .setParameter(1, id)
                        .setParameter(2, standing.tierName())
                        .setParameter(3, UtcTimes.utc(standing.since().orElseThrow()))
                        .setParameter(4, UtcTimes.utc(standing.reviewAt().orElse(null)))
                        .setParameter(5, UtcTimes.utc(standing.heldUntil().orElse(null)))
                        .executeUpdate();
                return;
            } catch (PersistenceException e) {
                if (UniqueKeys.violated(e).isPresent()) {
                    throw stale(standing);
                }
                throw e;
            }
        }
        int updated = em.createNativeQuery(
                        """
                        UPDATE customer_tier SET tier = ?, since = ?, review_at = ?, held_until = ?, version = version + 1
                        WHERE customer_id = ? AND version = ?""")
                .setParameter(1, standing.tierName())
                .setParameter(2, UtcTimes.utc(standing.since().orElseThrow()))
                .setParameter(3, UtcTimes.utc(standing.reviewAt().orElse(null)))
                .setParameter(4, UtcTimes.utc(standing.heldUntil().orElse(null)))
                .setParameter(5, id)
                .setParameter(6, standing.version())
                .executeUpdate();
        if (updated != 1) {
            throw stale(standing);
        }
    }

    @Override
    public void record(TierHistoryEntry entry) {
        em.persist(TierMapper.toRow(entry));
    }

    @Override
    public List<TierHistoryEntry> history(CustomerId customerId, int limit) {
        return em.createQuery(
                        "SELECT c FROM TierChangeJpaEntity c WHERE c.customerId = :id ORDER BY c.occurredAt DESC, c.id DESC",
                        TierChangeJpaEntity.class)
                .setParameter("id", customerId.toString())
                .setMaxResults(limit)
                .getResultStream()
                .map(TierMapper::toDomain)
                .toList();
    }

    private static ConcurrentUpdateException stale(CustomerTier standing) {
        return new ConcurrentUpdateException("the tier of " + standing.customerId() + " was changed meanwhile");
    }
}
