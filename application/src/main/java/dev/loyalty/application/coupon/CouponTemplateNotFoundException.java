package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.shared.DomainException;

/** No coupon template has this id. */
public class CouponTemplateNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CouponTemplateNotFoundException(CouponTemplateId id) {
        super("no coupon template " + id);
    }

    @Override
    public String code() {
        return "coupon-template-not-found";
    }
}
