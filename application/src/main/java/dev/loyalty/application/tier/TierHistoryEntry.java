package dev.loyalty.application.tier;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.TierChangeCause;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a customer's tier, as audited: from which tier to which, why, on what qualifying
 * amount, by whom and with what reason (for an administrator's override), and what caused it (the
 * purchase's reference, the review's instant).
 *
 * @param customerId the customer
 * @param from the tier before
 * @param to the tier after (the same as {@code from} for an override that only holds the tier)
 * @param cause why
 * @param qualifying the qualifying amount then, when it was computed
 * @param reference what caused it: {@code purchase:<id>}, {@code review:<instant>}, or {@code null}
 * @param actor the administrator of an override (the token's subject), {@code null} otherwise
 * @param reason the administrator's reason, {@code null} otherwise
 * @param heldUntil until when an administrator holds the tier, {@code null} otherwise
 * @param occurredAt when it took effect
 */
public record TierHistoryEntry(
        CustomerId customerId,
        String from,
        String to,
        TierChangeCause cause,
        Long qualifying,
        String reference,
        String actor,
        String reason,
        Instant heldUntil,
        Instant occurredAt) {

    /** Checks the components. */
    public TierHistoryEntry {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
