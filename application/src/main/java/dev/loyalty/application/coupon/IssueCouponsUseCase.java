package dev.loyalty.application.coupon;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.CustomerId;
import java.util.List;

/** Coupons issued from a template: one for a customer, or a batch of bearer codes to print or send. */
public interface IssueCouponsUseCase {

    int MAX_BEARER_BATCH = 10_000;

    Coupon issueTo(CouponTemplateId templateId, CustomerId customerId, Actor actor);

    /** Between 1 and {@value #MAX_BEARER_BATCH} bearer coupons, all or none. */
    List<Coupon> issueBearer(CouponTemplateId templateId, int count, Actor actor);
}
