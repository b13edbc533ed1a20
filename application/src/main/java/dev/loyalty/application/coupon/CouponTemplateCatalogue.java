package dev.loyalty.application.coupon;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.CouponTemplate;
import java.util.List;

/** The console lists the coupon templates it has defined. */
public interface CouponTemplateCatalogue {

    /**
     * @param actor an administrator
     * @return every template, newest first
     */
    List<CouponTemplate> templates(Actor actor);
}
