package dev.loyalty.adapters.persistence.coupon;

import dev.loyalty.adapters.persistence.CommittedForGood;
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
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Coupon templates in MariaDB. A percent-off template records the programme currency (configured, {@link ProgrammeCurrency}). The
 * redemption counter is read under the row's lock (SELECT ... FOR UPDATE) and moved in place. A
 * definition read outside a transaction is kept ({@link CommittedForGood}): it is never changed.
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

    /** A template's definition never changes once committed (only its redemption counter, not in it). */
    private final CommittedForGood<CouponTemplateId, CouponTemplate> definitions = new CommittedForGood<>();

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
        Optional<CouponTemplate> known = definitions.get(id);
        if (known.isPresent()) {
            return known;
        }
        return Optional.ofNullable(em.find(CouponTemplateJpaEntity.class, id.toString()))
                .map(CouponMapper::toDomain)
                .map(template -> definitions.keep(id, template, transactions));
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
