package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.CustomerId;
import java.util.List;
import java.util.Optional;

/**
 * The stored coupons. Codes are unique: adding a coupon whose code exists already is a
 * {@link CouponCodeTakenException}, and nothing of that call is stored.
 */
public interface Coupons {

    void addAll(List<Coupon> coupons);

    Optional<Coupon> byCode(CouponCode code);

    /** How many coupons of the template are redeemed, by anyone. */
    long redeemedCount(CouponTemplateId templateId);

    /** How many coupons of the template this customer has redeemed. */
    long redeemedCount(CouponTemplateId templateId, CustomerId customerId);

    /** A customer's personal coupons, the newest issued first. */
    List<Coupon> ofCustomer(CustomerId customerId);
}
