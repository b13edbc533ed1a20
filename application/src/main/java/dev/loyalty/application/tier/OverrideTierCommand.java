package dev.loyalty.application.tier;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;

/**
 * An administrator sets a customer's tier by hand.
 *
 * @param customerId the customer
 * @param tier the tier's name, one of the programme's
 * @param reason why, kept in the audit (1 to {@value #MAX_REASON} characters)
 * @param until until when the tier is held regardless of the metric, or {@code null}
 * @param actor who asks
 */
public record OverrideTierCommand(CustomerId customerId, String tier, String reason, Instant until, Actor actor) {

    /** The longest reason kept. */
    public static final int MAX_REASON = 500;

    /** Validates the command. */
    public OverrideTierCommand {
        if (customerId == null) {
            throw new InvalidValueException("customerId", "customerId is required");
        }
        if (tier == null || tier.isBlank()) {
            throw new InvalidValueException("tier", "tier is required");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "a reason is required: it is kept in the audit");
        }
        reason = reason.strip();
        if (reason.length() > MAX_REASON) {
            throw new InvalidValueException("reason", "reason must be at most " + MAX_REASON + " characters");
        }
        if (actor == null) {
            throw new InvalidValueException("actor", "actor is required");
        }
    }
}
