package dev.loyalty.application.checkout;

import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A coupon redeemed twice by tills that were offline: the later upload keeps its purchase and its
 * discount, which is the programme's loss.
 *
 * @param code the coupon
 * @param purchaseId the purchase that redeemed it the second time
 * @param storeId that purchase's store
 * @param customerId its customer, or {@code null} for an anonymous basket
 * @param discount what it took off that purchase: the loss
 * @param occurredAt when that purchase happened
 * @param recordedAt when it was uploaded
 * @param firstRedemption the purchase that redeemed the coupon first ({@code purchase:<id>}), if known
 */
public record CouponConflict(
        CouponCode code,
        PurchaseId purchaseId,
        String storeId,
        CustomerId customerId,
        Money discount,
        Instant occurredAt,
        Instant recordedAt,
        String firstRedemption) {

    /** Checks the components. */
    public CouponConflict {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(purchaseId, "purchaseId");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
