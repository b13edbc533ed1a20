package dev.loyalty.adapters.persistence.coupon;

import dev.loyalty.application.coupon.CouponTemplateNotFoundException;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Coupon templates in MariaDB. A percent-off template records the programme currency (configured, {@link ProgrammeCurrency}). The
 * redemption counter is read under the row's lock (SELECT ... FOR UPDATE) and moved in place.
 */
@ApplicationScoped
public class JpaCouponTemplates implements CouponTemplates {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ProgrammeCurrency programme;

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
        return Optional.ofNullable(em.find(CouponTemplateJpaEntity.class, id.toString()))
                .map(CouponMapper::toDomain);
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
