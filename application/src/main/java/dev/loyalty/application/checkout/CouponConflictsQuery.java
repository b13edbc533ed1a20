package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import java.util.List;

/** Driving port: the console's list of coupons redeemed twice offline, the discounts lost. */
public interface CouponConflictsQuery {

    /** The most conflicts listed at once. */
    int MAX = 500;

    /**
     * @param limit how many (1 to {@link #MAX})
     * @return the latest conflicts, newest upload first (administrators)
     */
    List<CouponConflict> latest(int limit, Actor actor);
}
