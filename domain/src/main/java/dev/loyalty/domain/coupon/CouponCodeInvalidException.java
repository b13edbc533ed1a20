package dev.loyalty.domain.coupon;

import dev.loyalty.domain.shared.InvalidValueException;

/**
 * A coupon code that cannot be one: wrong length, a symbol outside the alphabet, or a check
 * symbol that does not match (a typo). A validation failure on field {@code couponCode} with its
 * own code {@value #CODE}, so that a till can tell a mistyped code from a refused coupon.
 */
public class CouponCodeInvalidException extends InvalidValueException {

    /** The machine code. */
    public static final String CODE = "coupon-code-invalid";

    /**
     * @param detail what is wrong, without echoing the code
     */
    public CouponCodeInvalidException(String detail) {
        super("couponCode", detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
