package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import java.util.Optional;

/** The stored coupon templates. */
public interface CouponTemplates {

    void add(CouponTemplate template);

    Optional<CouponTemplate> byId(CouponTemplateId id);
}
