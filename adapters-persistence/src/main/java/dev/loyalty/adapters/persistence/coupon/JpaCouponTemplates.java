package dev.loyalty.adapters.persistence.coupon;

import dev.loyalty.application.coupon.CouponTemplateNotFoundException;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coupon templates in MariaDB. A percent-off template records the programme currency (configured, {@link ProgrammeCurrency}). The
 * redemption counter is read under the row's lock (SELECT ... FOR UPDATE) and moved in place.
 *
 * <p>A template's definition never changes once added (only its redemption counter moves, and that
 * is never part of it), nor is it deleted: {@link #byId} keeps what it read, so a purchase with a
 * coupon does not read its template again (a definition whose adding transaction rolled back is
 * forgotten then). Any instance may keep it: there is nothing to invalidate.
 */
@ApplicationScoped
public class JpaCouponTemplates implements CouponTemplates {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ProgrammeCurrency programme;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The definitions read, by id; emptied when it holds {@link #KEPT} (a few hundred templates at most in practice). */
    private final Map<CouponTemplateId, CouponTemplate> read = new ConcurrentHashMap<>();

    /** The most definitions kept. */
    static final int KEPT = 10_000;

    protected JpaCouponTemplates() {}

    /** For tests outside the container. */
    public JpaCouponTemplates(EntityManager em, Clock clock, ProgrammeCurrency programme) {
        this.em = em;
        this.clock = clock;
        this.programme = programme;
    }

    @Override
    public void add(CouponTemplate template) {
        em.persist(CouponMapper.toRow(template, programme.currency(), clock.instant()));
        em.flush();
        // read in this transaction and kept, it must not outlive a rollback
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // kept until the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        read.remove(template.id());
                    }
                }
            });
        }
    }

    @Override
    public long lockRedemptions(CouponTemplateId id) {
        List<?> counter = em.createNativeQuery("SELECT redemptions FROM coupon_template WHERE id = ? FOR UPDATE")
                .setParameter(1, id.toString())
                .getResultList();
        if (counter.isEmpty()) {
            throw new CouponTemplateNotFoundException(id);
        }
        return ((Number) counter.get(0)).longValue();
    }

    @Override
    public void addRedemptions(CouponTemplateId id, long delta) {
        em.createNativeQuery("UPDATE coupon_template SET redemptions = redemptions + ? WHERE id = ?")
                .setParameter(1, delta)
                .setParameter(2, id.toString())
                .executeUpdate();
    }

    @Override
    public Optional<CouponTemplate> byId(CouponTemplateId id) {
        CouponTemplate kept = read.get(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<CouponTemplate> found = Optional.ofNullable(em.find(CouponTemplateJpaEntity.class, id.toString()))
                .map(CouponMapper::toDomain);
        found.ifPresent(template -> {
            if (read.size() >= KEPT) {
                read.clear();
            }
            read.put(id, template);
        });
        return found;
    }

    @Override
    public List<CouponTemplate> all() {
        return em
                .createQuery(
                        "SELECT t FROM CouponTemplateJpaEntity t ORDER BY t.createdAt DESC, t.id",
                        CouponTemplateJpaEntity.class)
                .getResultList()
                .stream()
                .map(CouponMapper::toDomain)
                .toList();
    }
}
