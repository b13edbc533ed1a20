package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import java.util.List;
import java.util.Optional;

/** The stored coupon templates. */
public interface CouponTemplates {

    void add(CouponTemplate template);

    Optional<CouponTemplate> byId(CouponTemplateId id);

    /** @return every template, newest first */
    List<CouponTemplate> all();

    /**
     * Locks the template until the transaction ends and reads its redemption counter, so that
     * redemptions of its coupons are counted one at a time. Lock templates in id order.
     *
     * @return the redemptions counted so far
     * @throws CouponTemplateNotFoundException when there is no such template
     */
    long lockRedemptions(CouponTemplateId id);

    /**
     * Moves the template's redemption counter by {@code delta} (+1 redeemed, -1 restored). The
     * counter is kept for templates with a redemption cap only: it is what the cap is checked
     * against, and a hot counter on every template would make all tills queue on popular ones.
     */
    void addRedemptions(CouponTemplateId id, long delta);
}
