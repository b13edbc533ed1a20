package dev.loyalty.application.wallet;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;

/**
 * A manual correction of a wallet.
 *
 * @param customerId whose wallet
 * @param points the signed change, non-zero, at most a million either way
 * @param reason why, shown to the customer in the statement
 * @param reference the ticket or case it answers, optional
 * @param actor who asks (an administrator)
 */
public record AdjustPointsCommand(CustomerId customerId, long points, String reason, String reference, Actor actor) {

    public static final long MAX_ADJUSTMENT = 1_000_000;

    public AdjustPointsCommand {
        if (customerId == null) {
            throw new InvalidValueException("customerId", "customerId is required");
        }
        if (points == 0 || Math.abs(points) > MAX_ADJUSTMENT) {
            throw new InvalidValueException(
                    "points", "points must be non-zero and at most " + MAX_ADJUSTMENT + " either way");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "reason is required");
        }
        if (actor == null) {
            throw new InvalidValueException("actor", "actor is required");
        }
    }
}
