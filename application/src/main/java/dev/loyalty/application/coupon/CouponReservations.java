package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.CouponCode;
import java.time.Instant;
import java.util.Optional;

/** Driven port: coupons held for offline tills. Works in the caller's transaction. */
public interface CouponReservations {

    /** Keeps a reservation. */
    void add(CouponReservation reservation);

    /** @return the latest reservation of the coupon still holding it at {@code at}, if any */
    Optional<CouponReservation> holding(CouponCode code, Instant at);
}
