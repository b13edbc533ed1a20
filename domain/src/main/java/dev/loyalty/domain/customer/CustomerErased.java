package dev.loyalty.domain.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's personal data was erased at their request (GDPR art. 17): name, contact details
 * and birth date are gone, every consent is withdrawn; the identity, card number, ledger and
 * purchases remain, so the books still balance.
 *
 * @param customerId the customer
 * @param occurredAt when
 */
public record CustomerErased(CustomerId customerId, Instant occurredAt) implements CustomerEvent {

    /** The event name. */
    public static final String TYPE = "CUSTOMER_ERASED";

    /** Checks the components. */
    public CustomerErased {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
