package dev.loyalty.domain.coupon;

import java.util.Optional;
import java.util.TreeSet;

/**
 * A coupon needs something to take its discount off: when nothing in the basket is in the
 * template's categories (or the basket is worth nothing, for a template of every category) it is
 * {@value #CODE}. Judged on {@link CouponUse#eligibleBasket()}: a line in the categories that
 * costs nothing does not make the coupon applicable. The detail lists the categories in
 * alphabetical order.
 */
public final class CategoryPolicy implements CouponPolicy {

    /** The code of a coupon with nothing to apply to. */
    public static final String CODE = "coupon-not-applicable-to-basket";

    @Override
    public Optional<CouponRejection> check(CouponUse use) {
        if (!use.eligibleBasket().isZero()) {
            return Optional.empty();
        }
        String detail = use.template().categories().isEmpty()
                ? "the basket has nothing to discount"
                : "no line of the basket is in the categories "
                        + String.join(", ", new TreeSet<>(use.template().categories()));
        return Optional.of(new CouponRejection(CODE, detail));
    }
}
