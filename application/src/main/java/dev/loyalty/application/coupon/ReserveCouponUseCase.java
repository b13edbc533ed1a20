package dev.loyalty.application.coupon;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.CouponCode;
import java.util.Optional;

/** Driving port: a till holds a coupon for its store's offline use. */
public interface ReserveCouponUseCase {

    /** The problem code of a coupon another store holds. */
    String RESERVED = "coupon-reserved";

    /**
     * @param minutes how long it holds (1 minute up to the programme's offline age), or empty for a day
     * @return the reservation (terminals only)
     */
    CouponReservation reserve(CouponCode code, Optional<Integer> minutes, Actor actor);
}
