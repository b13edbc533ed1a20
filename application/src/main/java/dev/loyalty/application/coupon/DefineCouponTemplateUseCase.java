package dev.loyalty.application.coupon;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;

/** Marketing defines what a coupon gives and when it may be used. */
public interface DefineCouponTemplateUseCase {

    /**
     * @param definition the template (its id is fresh)
     * @param actor an administrator
     * @return the template's id
     */
    CouponTemplateId define(CouponTemplate definition, Actor actor);
}
