package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.customer.CustomerId;
import java.util.List;

/**
 * The stored coupons. Codes are unique: adding a coupon whose code exists already is a
 * {@link CouponCodeTakenException}, and nothing of that call is stored.
 */
public interface Coupons {

    void addAll(List<Coupon> coupons);

    /** A customer's personal coupons, the newest issued first. */
    List<Coupon> ofCustomer(CustomerId customerId);
}
