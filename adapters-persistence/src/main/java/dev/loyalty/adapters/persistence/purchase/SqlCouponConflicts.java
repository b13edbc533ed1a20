package dev.loyalty.adapters.persistence.purchase;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.checkout.CouponConflict;
import dev.loyalty.application.checkout.CouponConflicts;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Coupons redeemed twice offline, in {@code coupon_conflict}. */
@ApplicationScoped
public class SqlCouponConflicts implements CouponConflicts {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlCouponConflicts() {}

    /** For tests outside the container. */
    public SqlCouponConflicts(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(CouponConflict conflict) {
        em.createNativeQuery("INSERT IGNORE INTO coupon_conflict (code, purchase_id, store_id, customer_id,"
                        + " discount_cents, currency, occurred_at, recorded_at, first_redemption)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, conflict.code().value())
                .setParameter(2, conflict.purchaseId().toString())
                .setParameter(3, conflict.storeId())
                .setParameter(
                        4,
                        conflict.customerId() == null
                                ? null
                                : conflict.customerId().toString())
                .setParameter(5, conflict.discount().cents())
                .setParameter(6, conflict.discount().currency().getCurrencyCode())
                .setParameter(7, UtcTimes.utc(conflict.occurredAt()))
                .setParameter(8, UtcTimes.utc(conflict.recordedAt()))
                .setParameter(9, conflict.firstRedemption())
                .executeUpdate();
    }

    @Override
    public List<CouponConflict> latest(int limit) {
        List<?> rows = em.createNativeQuery("SELECT code, purchase_id, store_id, customer_id, discount_cents,"
                        + " currency, occurred_at, recorded_at, first_redemption FROM coupon_conflict"
                        + " ORDER BY recorded_at DESC, id DESC LIMIT ?")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(row -> new CouponConflict(
                        CouponCode.parse((String) row[0]),
                        PurchaseId.parse((String) row[1]),
                        (String) row[2],
                        row[3] == null ? null : CustomerId.parse((String) row[3]),
                        Money.of(NativeRows.number(row[4]), (String) row[5]),
                        NativeRows.instant(row[6]),
                        NativeRows.instant(row[7]),
                        (String) row[8]))
                .toList();
    }
}
