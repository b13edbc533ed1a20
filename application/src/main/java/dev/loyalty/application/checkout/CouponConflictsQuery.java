package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The console's list of coupons redeemed twice offline, the discounts lost. */
@ApplicationScoped
public class CouponConflictsQuery {

    /** The most conflicts listed at once. */
    public static final int MAX = 500;

    private final CouponConflicts conflicts;

    /** For CDI's proxy only. */
    protected CouponConflictsQuery() {
        this(null);
    }

    @Inject
    public CouponConflictsQuery(CouponConflicts conflicts) {
        this.conflicts = conflicts;
    }

    /**
     * @param limit how many (1 to {@link #MAX})
     * @return the latest conflicts, newest upload first (administrators)
     */
    public List<CouponConflict> latest(int limit, Actor actor) {
        actor.requireAdmin("coupon conflicts are the console's");
        if (limit < 1 || limit > MAX) {
            throw new InvalidValueException("limit", "limit is between 1 and " + MAX);
        }
        return conflicts.latest(limit);
    }
}
