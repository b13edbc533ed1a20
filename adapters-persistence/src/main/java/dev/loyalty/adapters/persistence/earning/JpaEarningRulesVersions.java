package dev.loyalty.adapters.persistence.earning;

import dev.loyalty.adapters.persistence.RecentRead;
import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.application.checkout.EarningRulesChanges;
import dev.loyalty.application.checkout.EarningRulesVersions;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesConflictException;
import dev.loyalty.domain.earning.EarningRulesHistory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The earning rules' versions, read from {@code earning_rules} (a handful of rows). */
@ApplicationScoped
public class JpaEarningRulesVersions implements EarningRulesVersions, EarningRulesChanges {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaEarningRulesVersions() {}

    /** For tests outside the container. */
    public JpaEarningRulesVersions(EntityManager em) {
        this.em = em;
    }

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Purchases read the versions each time; they are added rarely. */
    private final RecentRead<EarningRulesHistory> recent = new RecentRead<>(this::read);

    /** Every version, read at most every {@link RecentRead#FOR}; a version added here is seen at once. */
    @Override
    public EarningRulesHistory history() {
        return recent.get();
    }

    private EarningRulesHistory read() {
        return EarningRulesHistory.of(
                em.createQuery("SELECT r FROM EarningRulesJpaEntity r", EarningRulesJpaEntity.class)
                        .getResultStream()
                        .map(EarningRulesMapper::toDomain)
                        .toList());
    }

    @Override
    public void add(EarningRules version) {
        try {
            em.persist(EarningRulesMapper.toRow(version));
            em.flush();
            recent.forgetAfter(transactions);
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).isPresent()) {
                throw new EarningRulesConflictException(version.effectiveFrom());
            }
            throw e;
        }
    }
}
