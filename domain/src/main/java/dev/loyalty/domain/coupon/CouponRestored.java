package dev.loyalty.domain.coupon;

import java.time.Instant;
import java.util.Objects;

/**
 * A redeemed coupon became usable again because the purchase that redeemed it was reversed while
 * the coupon was still valid. Type {@value #TYPE}.
 *
 * @param code the coupon
 * @param purchaseReference the reversed purchase
 * @param occurredAt when
 */
public record CouponRestored(CouponCode code, String purchaseReference, Instant occurredAt) implements CouponEvent {

    /** The event name. */
    public static final String TYPE = "COUPON_RESTORED";

    /** Checks the required components. */
    public CouponRestored {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(purchaseReference, "purchaseReference");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
