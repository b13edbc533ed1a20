package dev.loyalty.domain.purchase;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Objects;

/**
 * The points of a purchase that can still be cancelled or returned (an online order), held as the
 * first phase of a two-phase transfer: PENDING (visible, not spendable), then either POSTED (credited
 * to the wallet, once) or VOIDED (never credited). A partial refund while pending voids its share and
 * leaves the rest pending; a refund of everything voids the hold. Immutable: each transition returns
 * the hold after it.
 *
 * @param purchaseId the purchase whose points are held
 * @param customerId who will get them
 * @param held the points the purchase earned, held when it was recorded
 * @param pending the points still pending (held minus what refunds voided; 0 once posted or voided)
 * @param status where the transfer stands
 * @param postAt when the points post by themselves unless the order was cancelled first
 * @param heldAt when the purchase was recorded
 */
public record PointsHold(
        PurchaseId purchaseId,
        CustomerId customerId,
        long held,
        long pending,
        Status status,
        Instant postAt,
        Instant heldAt) {

    /** The phases of the transfer. */
    public enum Status {
        /** Held: shown in the wallet, not spendable. */
        PENDING,
        /** Credited to the wallet (by confirmation or at {@code postAt}); final. */
        POSTED,
        /** Never credited: the order was cancelled or wholly returned while pending; final. */
        VOIDED
    }

    public PointsHold {
        Objects.requireNonNull(purchaseId, "purchaseId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(postAt, "postAt");
        Objects.requireNonNull(heldAt, "heldAt");
        if (held <= 0 || pending < 0 || pending > held) {
            throw new InvalidValueException("points", "a hold keeps 1 or more points, pending at most those held");
        }
        if (status != Status.PENDING && pending != 0) {
            throw new InvalidValueException("points", "a " + status + " hold has nothing pending");
        }
        if (status == Status.PENDING && pending == 0) {
            throw new InvalidValueException("points", "a PENDING hold has points pending");
        }
    }

    /**
     * @param purchaseId the purchase
     * @param customerId its customer
     * @param points what it earned, positive
     * @param postAt when they post by themselves
     * @param now when it is recorded
     * @return a PENDING hold of all the points
     */
    public static PointsHold of(
            PurchaseId purchaseId, CustomerId customerId, Points points, Instant postAt, Instant now) {
        if (points == null || points.isZero()) {
            throw new InvalidValueException("points", "only a purchase that earned points holds them");
        }
        return new PointsHold(purchaseId, customerId, points.value(), points.value(), Status.PENDING, postAt, now);
    }

    /** @return whether the points are still pending */
    public boolean isPending() {
        return status == Status.PENDING;
    }

    /**
     * @param now the clock
     * @return whether the points are pending and their {@code postAt} has come
     */
    public boolean isDueAt(Instant now) {
        return isPending() && !postAt.isAfter(now);
    }

    /**
     * Posts what is pending: the second phase, at most once.
     *
     * @return the hold POSTED (its {@link #pending()} before was what to credit)
     * @throws PurchaseCancelledException when the hold was voided (the order cancelled or returned)
     * @throws PointsAlreadyPostedException when it was posted already
     */
    public PointsHold post() {
        return switch (status) {
            case PENDING -> new PointsHold(purchaseId, customerId, held, 0, Status.POSTED, postAt, heldAt);
            case POSTED -> throw new PointsAlreadyPostedException(purchaseId);
            case VOIDED -> throw new PurchaseCancelledException(purchaseId);
        };
    }

    /**
     * Voids the share of a refund while pending: the points a reversal of the purchase takes back.
     *
     * @param points the reversal's points (more than pending voids what is pending)
     * @param whole whether the purchase is now wholly reversed (then the hold is voided whatever is left)
     * @return the hold after it; PENDING with less, or VOIDED
     * @throws IllegalStateException when the hold is not pending
     */
    public PointsHold voidPart(Points points, boolean whole) {
        if (!isPending()) {
            throw new IllegalStateException("only a PENDING hold can be voided, this one is " + status);
        }
        long left = whole ? 0 : Math.max(0, pending - points.value());
        return left == 0
                ? new PointsHold(purchaseId, customerId, held, 0, Status.VOIDED, postAt, heldAt)
                : new PointsHold(purchaseId, customerId, held, left, Status.PENDING, postAt, heldAt);
    }
}
