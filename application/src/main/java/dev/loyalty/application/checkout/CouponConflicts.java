package dev.loyalty.application.checkout;

import java.util.List;

/** Driven port: the coupons redeemed twice offline, kept for the console. Works in the caller's transaction. */
public interface CouponConflicts {

    /** Keeps a conflict (once per purchase and coupon). */
    void record(CouponConflict conflict);

    /**
     * @param limit how many
     * @return the latest conflicts, newest upload first
     */
    List<CouponConflict> latest(int limit);
}
