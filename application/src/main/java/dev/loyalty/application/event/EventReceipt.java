package dev.loyalty.application.event;

import dev.loyalty.domain.customer.CustomerId;
import java.util.Optional;

/**
 * What became of a pushed event.
 *
 * @param eventId the event
 * @param status ACCEPTED (a customer's, rules and missions react), PROSPECT (kept until the contact
 *     enrols) or DUPLICATE (already taken in; nothing happened again)
 * @param customerId the customer it was attached to, if known
 */
public record EventReceipt(String eventId, Status status, Optional<CustomerId> customerId) {

    /** What became of it. */
    public enum Status {
        ACCEPTED,
        PROSPECT,
        DUPLICATE
    }
}
