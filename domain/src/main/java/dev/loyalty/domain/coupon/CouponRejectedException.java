package dev.loyalty.domain.coupon;

import dev.loyalty.domain.shared.DomainException;
import java.util.Objects;

/**
 * A coupon was presented on a purchase and a rule refused it. Carries the coupon's code and the
 * {@link CouponRejection}; {@link #code()} is the rejection's code (e.g. {@code coupon-expired})
 * and the message is its detail.
 */
public class CouponRejectedException extends DomainException {

    private final CouponCode couponCode;
    private final CouponRejection rejection;

    /**
     * @param couponCode the refused coupon
     * @param rejection why it was refused
     */
    public CouponRejectedException(CouponCode couponCode, CouponRejection rejection) {
        super(Objects.requireNonNull(rejection, "rejection").detail());
        this.couponCode = Objects.requireNonNull(couponCode, "couponCode");
        this.rejection = rejection;
    }

    /** @return the refused coupon */
    public CouponCode couponCode() {
        return couponCode;
    }

    /** @return why it was refused */
    public CouponRejection rejection() {
        return rejection;
    }

    @Override
    public String code() {
        return rejection.code();
    }
}
