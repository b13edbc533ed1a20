package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The console's list of coupons redeemed twice offline, the discounts lost. */
@ApplicationScoped
public class CouponConflictService implements CouponConflictsQuery {

    private final CouponConflicts conflicts;

    /** For CDI's proxy only. */
    protected CouponConflictService() {
        this(null);
    }

    @Inject
    public CouponConflictService(CouponConflicts conflicts) {
        this.conflicts = conflicts;
    }

    @Override
    public List<CouponConflict> latest(int limit, Actor actor) {
        actor.requireAdmin("coupon conflicts are the console's");
        if (limit < 1 || limit > MAX) {
            throw new InvalidValueException("limit", "limit is between 1 and " + MAX);
        }
        return conflicts.latest(limit);
    }
}
