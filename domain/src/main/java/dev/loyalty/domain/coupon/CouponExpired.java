package dev.loyalty.domain.coupon;

import java.time.Instant;
import java.util.Objects;

/**
 * A coupon was marked {@link CouponStatus#EXPIRED}: the purchase that redeemed it was reversed
 * after the coupon's validity had ended, so it could not become usable again. Type
 * {@value #TYPE}.
 *
 * @param code the coupon
 * @param purchaseReference the reversed purchase that released it
 * @param occurredAt when
 */
public record CouponExpired(CouponCode code, String purchaseReference, Instant occurredAt) implements CouponEvent {

    /** The event name. */
    public static final String TYPE = "COUPON_EXPIRED";

    /** Checks the required components. */
    public CouponExpired {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(purchaseReference, "purchaseReference");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
