package dev.loyalty.application.coupon;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.customer.CustomerId;
import java.util.List;

/** A customer's own coupons, each with the template that says what it gives. */
public interface MyCouponsQuery {

    List<HeldCoupon> couponsOf(CustomerId customerId, Actor actor);

    /** A coupon and its template. */
    record HeldCoupon(Coupon coupon, CouponTemplate template) {}
}
