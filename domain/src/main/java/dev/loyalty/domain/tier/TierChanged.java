package dev.loyalty.domain.tier;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's tier changed: from which tier to which, and why. Rules react to it (a
 * congratulation message, a gift coupon). {@link #aggregateId()} is the customer id.
 *
 * @param customerId the customer
 * @param from the tier before (the programme's first tier for a customer never placed before)
 * @param to the tier now
 * @param cause what moved it
 * @param occurredAt when it took effect
 */
public record TierChanged(CustomerId customerId, String from, String to, TierChangeCause cause, Instant occurredAt)
        implements DomainEvent {

    /** The event name. */
    public static final String TYPE = "TIER_CHANGED";

    /** Checks the components. */
    public TierChanged {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
