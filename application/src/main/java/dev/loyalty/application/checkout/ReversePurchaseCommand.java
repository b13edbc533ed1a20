package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.purchase.LineReturn;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.List;

/**
 * A void or refund.
 *
 * @param purchaseId the purchase
 * @param lines the units given back; empty for everything not given back yet
 * @param reason why, for the ledger (e.g. {@code refund}), at most 200 characters
 * @param actor who asks
 */
public record ReversePurchaseCommand(PurchaseId purchaseId, List<LineReturn> lines, String reason, Actor actor) {

    /** The reason recorded when none is given. */
    public static final String DEFAULT_REASON = "purchase reversed";

    /** Validates the command. */
    public ReversePurchaseCommand {
        if (purchaseId == null) {
            throw new InvalidValueException("purchaseId", "purchaseId is required");
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
        reason = reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
        if (reason.length() > 200) {
            throw new InvalidValueException("reason", "reason must be at most 200 characters");
        }
        if (actor == null) {
            throw new InvalidValueException("actor", "actor is required");
        }
    }
}
