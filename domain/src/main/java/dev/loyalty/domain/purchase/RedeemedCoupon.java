package dev.loyalty.domain.purchase;

import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.shared.Money;
import java.util.Objects;

/**
 * A coupon used on a purchase and the discount it gave.
 *
 * @param code the coupon
 * @param discount what it took off the basket
 */
public record RedeemedCoupon(CouponCode code, Money discount) {

    /** Checks the components. */
    public RedeemedCoupon {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(discount, "discount");
    }
}
