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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
    private static final String[] COLUMNS = {
        "code",
        "template_id",
        "customer_id",
        "status",
        "valid_from",
        "valid_until",
        "redemption_reference",
        "issued_at",
        "version"
    };

    private static final NativeInsert ROWS = new NativeInsert("coupon", COLUMNS);

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
                        em, coupons.stream().map(coupon -> values(coupon, now)).toList());
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
            Stream.concat(
                            Arrays.stream(COLUMNS),
                            Stream.of("campaign_id", "value_cents", "min_spend_cents", "category"))
                    .toArray(String[]::new));

    /** A coupon's values in the order of {@link #COLUMNS}, with room for {@code extra} more after them. */
    private static Object[] values(Coupon coupon, Instant now, int extra) {
        CouponJpaEntity row = CouponMapper.toRow(coupon, now);
        Object[] values = new Object[COLUMNS.length + extra];
        values[0] = row.code;
        values[1] = row.templateId;
        values[2] = row.customerId;
        values[3] = row.status;
        values[4] = row.validFrom;
        values[5] = row.validUntil;
        values[6] = row.redemptionReference;
        values[7] = row.issuedAt;
        values[8] = row.version;
        return values;
    }

    private static Object[] values(Coupon coupon, Instant now) {
        return values(coupon, now, 0);
    }

    /** Multi-row INSERTs on the transaction's connection, each row with its campaign's mark. */
    @Override
    public void addAllMarked(List<Coupon> coupons, List<CampaignMark> marks) {
        if (coupons.size() != marks.size()) {
            throw new IllegalArgumentException(coupons.size() + " coupons, " + marks.size() + " marks");
        }
        Instant now = clock.instant();
        List<Object[]> rows = new java.util.ArrayList<>(coupons.size());
        for (int i = 0; i < coupons.size(); i++) {
            Object[] values = values(coupons.get(i), now, 4);
            CampaignMark mark = marks.get(i);
            values[COLUMNS.length] = mark.campaign();
            values[COLUMNS.length + 1] = mark.valueCents().orElse(null);
            values[COLUMNS.length + 2] = mark.minSpendCents().orElse(null);
            values[COLUMNS.length + 3] = mark.category().orElse(null);
            rows.add(values);
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
