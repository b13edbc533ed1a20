package dev.loyalty.application.coupon;

import dev.loyalty.domain.shared.DomainException;

/**
 * A freshly drawn code collided with one issued before (about one chance in 10^12 per code): the
 * whole request changed nothing and may simply be sent again.
 */
public class CouponCodeTakenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CouponCodeTakenException() {
        super("a generated coupon code exists already; nothing was issued, send the request again");
    }

    @Override
    public String code() {
        return "coupon-code-collision";
    }
}
