package dev.loyalty.adapters.persistence.coupon;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.coupon.CouponReservation;
import dev.loyalty.application.coupon.CouponReservations;
import dev.loyalty.domain.coupon.CouponCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Coupons held for offline tills, in {@code coupon_reservation}. */
@ApplicationScoped
public class SqlCouponReservations implements CouponReservations {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlCouponReservations() {}

    /** For tests outside the container. */
    public SqlCouponReservations(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(CouponReservation reservation) {
        em.createNativeQuery("INSERT INTO coupon_reservation (id, code, store_id, reserved_until, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, reservation.id().toString())
                .setParameter(2, reservation.code().value())
                .setParameter(3, reservation.storeId())
                .setParameter(4, UtcTimes.utc(reservation.reservedUntil()))
                .setParameter(5, UtcTimes.utc(reservation.createdAt()))
                .executeUpdate();
    }

    @Override
    public Optional<CouponReservation> holding(CouponCode code, Instant at) {
        List<?> rows = em.createNativeQuery("SELECT id, code, store_id, reserved_until, created_at"
                        + " FROM coupon_reservation WHERE code = ? AND reserved_until > ?"
                        + " ORDER BY created_at DESC LIMIT 1")
                .setParameter(1, code.value())
                .setParameter(2, UtcTimes.utc(at))
                .getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .findFirst()
                .map(row -> new CouponReservation(
                        UUID.fromString((String) row[0]),
                        CouponCode.parse((String) row[1]),
                        (String) row[2],
                        NativeRows.instant(row[3]),
                        NativeRows.instant(row[4])));
    }
}
