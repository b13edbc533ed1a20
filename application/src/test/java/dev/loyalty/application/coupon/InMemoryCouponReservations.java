package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.CouponCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Coupon reservations in memory, for tests without a database. */
public class InMemoryCouponReservations implements CouponReservations {

    private final List<CouponReservation> kept = new ArrayList<>();

    @Override
    public synchronized void add(CouponReservation reservation) {
        kept.add(reservation);
    }

    @Override
    public synchronized Optional<CouponReservation> holding(CouponCode code, Instant at) {
        return kept.stream()
                .filter(r -> r.code().equals(code) && r.holdsAt(at))
                .max(Comparator.comparing(CouponReservation::createdAt));
    }
}
