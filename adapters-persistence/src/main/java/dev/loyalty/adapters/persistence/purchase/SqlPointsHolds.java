package dev.loyalty.adapters.persistence.purchase;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.checkout.PointsHolds;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.PointsHold;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pending points in {@code pending_points} (the transfers) and {@code pending_points_step} (their steps). */
@ApplicationScoped
public class SqlPointsHolds implements PointsHolds {

    private static final String COLUMNS =
            "purchase_id, customer_id, points_held, points_pending, status, post_at, held_at";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlPointsHolds() {}

    /** For tests outside the container. */
    public SqlPointsHolds(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(PointsHold hold, String reason, Instant now) {
        em.createNativeQuery("INSERT INTO pending_points (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, hold.purchaseId().toString())
                .setParameter(2, hold.customerId().toString())
                .setParameter(3, hold.held())
                .setParameter(4, hold.pending())
                .setParameter(5, hold.status().name())
                .setParameter(6, UtcTimes.utc(hold.postAt()))
                .setParameter(7, UtcTimes.utc(hold.heldAt()))
                .executeUpdate();
        step(hold, PointsHold.Status.PENDING, hold.pending(), reason, now);
    }

    @Override
    public Optional<PointsHold> lockedByPurchase(PurchaseId purchaseId) {
        // a hold is written with its purchase, so whether one exists is settled under the purchase's lock:
        // look without locking first (a locking read of a missing row would lock a gap, which a purchase
        // of the same customer inserting its hold would then wait for, holding the wallet's lock)
        if (em.createNativeQuery("SELECT 1 FROM pending_points WHERE purchase_id = ?")
                .setParameter(1, purchaseId.toString())
                .getResultList()
                .isEmpty()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM pending_points WHERE purchase_id = ? FOR UPDATE")
                .setParameter(1, purchaseId.toString())
                .getResultList();
        return rows.stream().map(raw -> hold((Object[]) raw)).findFirst();
    }

    @Override
    public boolean move(PointsHold before, PointsHold after, long points, String reason, Instant now) {
        int moved = em.createNativeQuery("UPDATE pending_points SET points_pending = ?, status = ?,"
                        + " resolved_at = CASE WHEN ? = 'PENDING' THEN NULL ELSE ? END"
                        + " WHERE purchase_id = ? AND status = ? AND points_pending = ?")
                .setParameter(1, after.pending())
                .setParameter(2, after.status().name())
                .setParameter(3, after.status().name())
                .setParameter(4, UtcTimes.utc(now))
                .setParameter(5, before.purchaseId().toString())
                .setParameter(6, before.status().name())
                .setParameter(7, before.pending())
                .executeUpdate();
        if (moved != 1) {
            return false;
        }
        PointsHold.Status step =
                after.status() == PointsHold.Status.POSTED ? PointsHold.Status.POSTED : PointsHold.Status.VOIDED;
        step(after, step, points, reason, now);
        return true;
    }

    @Override
    public List<PurchaseId> due(Instant now, int limit) {
        List<?> rows = em.createNativeQuery("SELECT purchase_id FROM pending_points WHERE status = 'PENDING'"
                        + " AND post_at <= ? ORDER BY post_at LIMIT ?")
                .setParameter(1, UtcTimes.utc(now))
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(id -> PurchaseId.parse((String) id)).toList();
    }

    @Override
    public Points pendingOf(CustomerId customerId) {
        Object sum = em.createNativeQuery("SELECT COALESCE(SUM(points_pending), 0) FROM pending_points"
                        + " WHERE customer_id = ? AND status = 'PENDING'")
                .setParameter(1, customerId.toString())
                .getSingleResult();
        return Points.of(NativeRows.number(sum));
    }

    @Override
    public List<PendingStep> steps(CustomerId customerId, int offset, int limit) {
        List<?> rows = em.createNativeQuery("SELECT purchase_id, step, points, reason, post_at, occurred_at"
                        + " FROM pending_points_step WHERE customer_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                .setParameter(1, customerId.toString())
                .setParameter(2, limit)
                .setParameter(3, offset)
                .getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(row -> new PendingStep(
                        PurchaseId.parse((String) row[0]).reference(),
                        PointsHold.Status.valueOf((String) row[1]),
                        NativeRows.number(row[2]),
                        (String) row[3],
                        NativeRows.instant(row[4]),
                        NativeRows.instant(row[5])))
                .toList();
    }

    @Override
    public long stepCount(CustomerId customerId) {
        return NativeRows.number(em.createNativeQuery("SELECT COUNT(*) FROM pending_points_step WHERE customer_id = ?")
                .setParameter(1, customerId.toString())
                .getSingleResult());
    }

    private void step(PointsHold hold, PointsHold.Status step, long points, String reason, Instant now) {
        em.createNativeQuery("INSERT INTO pending_points_step (purchase_id, customer_id, step, points, reason,"
                        + " post_at, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, hold.purchaseId().toString())
                .setParameter(2, hold.customerId().toString())
                .setParameter(3, step.name())
                .setParameter(4, points)
                .setParameter(5, reason.length() > 200 ? reason.substring(0, 200) : reason)
                .setParameter(6, UtcTimes.utc(hold.postAt()))
                .setParameter(7, UtcTimes.utc(now))
                .executeUpdate();
    }

    private static PointsHold hold(Object[] row) {
        return new PointsHold(
                PurchaseId.parse((String) row[0]),
                CustomerId.parse((String) row[1]),
                NativeRows.number(row[2]),
                NativeRows.number(row[3]),
                PointsHold.Status.valueOf((String) row[4]),
                NativeRows.instant(row[5]),
                NativeRows.instant(row[6]));
    }
}
