package dev.loyalty.domain.campaign;

import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.shared.Points;
import java.util.Objects;

/** What a treatment member receives: nothing but the message, a coupon, points, or a personal coupon. */
public sealed interface Offer {

    /** Only the message. */
    record None() implements Offer {}

    /** @param template the coupon template issued to each member */
    record Coupon(CouponTemplateId template) implements Offer {
        public Coupon {
            Objects.requireNonNull(template, "template");
        }
    }

    /** @param points the points credited to each member */
    record GrantPoints(Points points) implements Offer {
        public GrantPoints {
            Objects.requireNonNull(points, "points");
        }
    }

    /**
     * A coupon whose value and threshold come from the customer's metrics.
     *
     * @param template the template that gives the coupon its validity and channels
     * @param figures how the value and the minimum spend are computed
     */
    record Personal(CouponTemplateId template, PersonalOffer figures) implements Offer {
        public Personal {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(figures, "figures");
        }
    }
}
