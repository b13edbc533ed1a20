package dev.loyalty.adapters.persistence.coupon;

import dev.loyalty.adapters.persistence.Locks;
import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.application.coupon.CouponCodeTakenException;
import dev.loyalty.application.coupon.Coupons;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issued coupons in MariaDB, written in batches (JDBC batch writing: 10,000 codes are one
 * round of inserts); a code already taken breaks the primary key and nothing is kept. A state
 * change is one conditional UPDATE on the status it starts from; a lock is SELECT ... FOR UPDATE,
 * read afresh from the database.
 */
@ApplicationScoped
public class JpaCoupons implements Coupons {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    protected JpaCoupons() {}

    /** For tests outside the container. */
    public JpaCoupons(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A campaign chunk's coupons: rows appended, not entities the transaction keeps comparing. */
    private static final NativeInsert ROWS = new NativeInsert(
            "coupon",
            "code",
            "template_id",
            "customer_id",
            "status",
            "valid_from",
            "valid_until",
            "redemption_reference",
            "issued_at",
            "version");

    /**
     * One coupon is persisted as an entity; several (a campaign's page or chunk) are appended by
     * multi-row INSERTs on the transaction's connection: thousands of managed entities would be
     * compared again by every later flush of the transaction.
     */
    @Override
    public void addAll(List<Coupon> coupons) {
        Instant now = clock.instant();
        try {
            if (coupons.size() > 1) {
                ROWS.rows(
                        em,
                        coupons.stream()
                                .map(coupon -> {
                                    CouponJpaEntity row = CouponMapper.toRow(coupon, now);
                                    return new Object[] {
                                        row.code,
                                        row.templateId,
                                        row.customerId,
                                        row.status,
                                        row.validFrom,
                                        row.validUntil,
                                        row.redemptionReference,
                                        row.issuedAt,
                                        row.version
                                    };
                                })
                                .toList());
                return;
            }
            for (Coupon coupon : coupons) {
                em.persist(CouponMapper.toRow(coupon, now));
            }
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).isPresent()) {
                throw new CouponCodeTakenException();
            }
            throw e;
        }
    }

    /** A campaign's coupons: {@link #ROWS} with the campaign's mark. */
    private static final NativeInsert MARKED = new NativeInsert(
            "coupon",
            "code",
            "template_id",
            "customer_id",
            "status",
            "valid_from",
            "valid_until",
            "redemption_reference",
            "issued_at",
            "version",
            "campaign_id",
            "value_cents",
            "min_spend_cents",
            "category");

    /** Multi-row INSERTs on the transaction's connection, each row with its campaign's mark. */
    @Override
    public void addAllMarked(List<Coupon> coupons, List<CampaignMark> marks) {
        if (coupons.size() != marks.size()) {
            throw new IllegalArgumentException(coupons.size() + " coupons, " + marks.size() + " marks");
        }
        Instant now = clock.instant();
        List<Object[]> rows = new java.util.ArrayList<>(coupons.size());
        for (int i = 0; i < coupons.size(); i++) {
            CouponJpaEntity row = CouponMapper.toRow(coupons.get(i), now);
            CampaignMark mark = marks.get(i);
            rows.add(new Object[] {
                row.code,
                row.templateId,
                row.customerId,
                row.status,
                row.validFrom,
                row.validUntil,
                row.redemptionReference,
                row.issuedAt,
                row.version,
                mark.campaign(),
                mark.valueCents().orElse(null),
                mark.minSpendCents().orElse(null),
                mark.category().orElse(null)
            });
        }
        try {
            MARKED.rows(em, rows);
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).isPresent()) {
                throw new CouponCodeTakenException();
            }
            throw e;
        }
    }

    @Override
    public Optional<Coupon> byCode(CouponCode code) {
        return Optional.ofNullable(em.find(CouponJpaEntity.class, code.value())).map(CouponMapper::toDomain);
    }

    @Override
    public Optional<Coupon> lockedByCode(CouponCode code) {
        return em.createQuery("SELECT c FROM CouponJpaEntity c WHERE c.code = :code", CouponJpaEntity.class)
                .setParameter("code", code.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(Locks.REFRESH, true)
                .getResultStream()
                .findFirst()
                .map(CouponMapper::toDomain);
    }

    @Override
    public void saveTransition(Coupon coupon, CouponStatus from, CustomerId redeemedBy) {
        int updated = em.createQuery(
                        """
                        UPDATE CouponJpaEntity c
                        SET c.status = :to, c.redemptionReference = :reference, c.redeemedBy = :by,
                            c.version = c.version + 1
                        WHERE c.code = :code AND c.status = :from""")
                .setParameter("to", coupon.status().name())
                .setParameter("reference", coupon.redemptionReference().orElse(null))
                .setParameter("by", redeemedBy == null ? null : redeemedBy.toString())
                .setParameter("code", coupon.code().value())
                .setParameter("from", from.name())
                .executeUpdate();
        if (updated != 1) {
            throw new ConcurrentUpdateException("coupon " + coupon.code() + " is no longer " + from);
        }
    }

    @Override
    public long redeemedCount(CouponTemplateId templateId) {
        return em.createQuery(
                        "SELECT COUNT(c) FROM CouponJpaEntity c WHERE c.templateId = :template AND c.status = 'REDEEMED'",
                        Long.class)
                .setParameter("template", templateId.toString())
                .getSingleResult();
    }

    @Override
    public long redeemedCount(CouponTemplateId templateId, CustomerId customerId) {
        return em.createQuery(
                        """
                        SELECT COUNT(c) FROM CouponJpaEntity c
                        WHERE c.templateId = :template AND c.redeemedBy = :customer AND c.status = 'REDEEMED'""",
                        Long.class)
                .setParameter("template", templateId.toString())
                .setParameter("customer", customerId.toString())
                .getSingleResult();
    }

    @Override
    public List<Coupon> ofCustomer(CustomerId customerId) {
        return em.createQuery(
                        "SELECT c FROM CouponJpaEntity c WHERE c.customerId = :id ORDER BY c.issuedAt DESC, c.code",
                        CouponJpaEntity.class)
                .setParameter("id", customerId.toString())
                .getResultStream()
                .map(CouponMapper::toDomain)
                .toList();
    }
}
