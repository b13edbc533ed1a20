package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.CouponCode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A coupon held for one store's till while it works offline: until {@link #reservedUntil()} no other
 * store redeems it, and the till that holds it may redeem it offline.
 *
 * @param id identity
 * @param code the coupon
 * @param storeId the store that holds it
 * @param reservedUntil when the hold ends
 * @param createdAt when it was taken
 */
public record CouponReservation(UUID id, CouponCode code, String storeId, Instant reservedUntil, Instant createdAt) {

    /** Checks the components. */
    public CouponReservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(reservedUntil, "reservedUntil");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return whether it holds the coupon at {@code at} */
    public boolean holdsAt(Instant at) {
        return at.isBefore(reservedUntil);
    }
}
