package dev.loyalty.application.checkout;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.PointsHold;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the pending points of purchases (issue 18) and the append-only steps of each
 * two-phase transfer (PENDING, then POSTED or VOIDED; a partial refund while pending adds a VOIDED
 * step for its share). Nothing is ever deleted. Written in the transaction of the purchase, the
 * confirmation, the reversal or the posting, always after the purchase's row lock.
 */
public interface PointsHolds {

    /** Stores a new PENDING hold and its PENDING step. */
    void add(PointsHold hold, String reason, Instant now);

    /** The purchase's hold, locked until the transaction ends; empty when its points were never held. */
    Optional<PointsHold> lockedByPurchase(PurchaseId purchaseId);

    /**
     * Moves a hold from {@code before} to {@code after} and appends the step, only if it is still as
     * read ({@code before}): the guard that makes a posting or a void happen once.
     *
     * @param points the step's points (posted or voided)
     * @return false when another writer moved it first (nothing written)
     */
    boolean move(PointsHold before, PointsHold after, long points, String reason, Instant now);

    /** @return up to {@code limit} purchases whose pending points are due at {@code now}, oldest first */
    List<PurchaseId> due(Instant now, int limit);

    /** @return the customer's points still pending */
    Points pendingOf(CustomerId customerId);

    /** @return a page of the customer's steps, newest first */
    List<PendingStep> steps(CustomerId customerId, int offset, int limit);

    long stepCount(CustomerId customerId);

    /**
     * One step of a transfer, as a statement shows it.
     *
     * @param reference the purchase ({@code purchase:<id>}, as the wallet's EARN entry of a posting names it)
     * @param status PENDING, POSTED or VOIDED
     * @param points the points held, posted or voided (positive)
     * @param reason why ({@code online order}, {@code confirmed}, {@code due}, or the reversal's reason)
     * @param postAt when the hold posts by itself
     * @param occurredAt when the step happened
     */
    record PendingStep(
            String reference,
            PointsHold.Status status,
            long points,
            String reason,
            Instant postAt,
            Instant occurredAt) {}
}
