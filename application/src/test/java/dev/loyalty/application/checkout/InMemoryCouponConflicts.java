package dev.loyalty.application.checkout;

import java.util.ArrayList;
import java.util.List;

/** Coupon conflicts in memory, for tests without a database. */
public class InMemoryCouponConflicts implements CouponConflicts {

    private final List<CouponConflict> kept = new ArrayList<>();

    @Override
    public synchronized void record(CouponConflict conflict) {
        kept.add(conflict);
    }

    @Override
    public synchronized List<CouponConflict> latest(int limit) {
        List<CouponConflict> newest = new ArrayList<>(kept);
        java.util.Collections.reverse(newest);
        return newest.stream().limit(limit).toList();
    }
}
