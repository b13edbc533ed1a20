package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.shared.DomainException;

/** No coupon has this code. */
public class CouponNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CouponNotFoundException(CouponCode code) {
        super("no coupon has the code " + code.value());
    }

    @Override
    public String code() {
        return "coupon-not-found";
    }
}
