package dev.loyalty.domain.coupon;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A coupon was used on a purchase. Type {@value #TYPE}.
 *
 * @param code the coupon
 * @param customerId the identified customer, or {@code null} for an anonymous purchase
 * @param purchaseReference the business key of the purchase, which a reversal names
 * @param discount what it took off, zero or more
 * @param occurredAt when
 */
public record CouponRedeemed(
        CouponCode code, CustomerId customerId, String purchaseReference, Money discount, Instant occurredAt)
        implements CouponEvent {

    /** The event name. */
    public static final String TYPE = "COUPON_REDEEMED";

    /** Checks the required components. */
    public CouponRedeemed {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(purchaseReference, "purchaseReference");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** @return the identified customer; empty for an anonymous purchase */
    public Optional<CustomerId> customer() {
        return Optional.ofNullable(customerId);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
