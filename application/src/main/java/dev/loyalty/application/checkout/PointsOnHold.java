package dev.loyalty.application.checkout;

import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Optional;

/**
 * What recording and reversing a purchase need of pending points (issue 18), in their own
 * transactions: whether a new purchase's points are held, holding them, and voiding a refund's
 * share while they are pending. {@link #NONE} holds nothing.
 */
public interface PointsOnHold {

    /** Holds nothing: every purchase earns at once. */
    PointsOnHold NONE = new PointsOnHold() {
        @Override
        public Optional<Instant> holdUntil(SalesChannel channel, Instant occurredAt, Instant postAt, Instant now) {
            return Optional.empty();
        }

        @Override
        public void hold(Purchase purchase, Instant postAt, Instant now) {
            throw new IllegalStateException("nothing is held");
        }

        @Override
        public boolean afterReversal(Purchase purchase, Points points, String reason, Instant now) {
            return false;
        }
    };

    /**
     * @param channel the purchase's channel
     * @param occurredAt when it occurred
     * @param postAt the {@code postAt} the request asked for, or {@code null}
     * @param now the clock
     * @return until when its points are pending, or empty to credit them at once
     */
    Optional<Instant> holdUntil(SalesChannel channel, Instant occurredAt, Instant postAt, Instant now);

    /** Holds the points of a purchase just recorded (with a customer and points) until {@code postAt}. */
    void hold(Purchase purchase, Instant postAt, Instant now);

    /**
     * Voids a reversal's share of the purchase's pending points, under the purchase's lock.
     *
     * @param purchase the purchase after the reversal
     * @param points the points the reversal takes back
     * @return true when the purchase's points were pending (the wallet and the tier activity have
     *     nothing of it to take back); false when they were credited (or never held)
     */
    boolean afterReversal(Purchase purchase, Points points, String reason, Instant now);
}
