package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;

/**
 * A customer's event just taken in, as the engagement weighs it.
 *
 * @param customer whose event it is
 * @param type its type (the weights name types)
 * @param occurredAt when it happened: outside the window it weighs nothing
 * @param messageId the message it is about ({@code attributes.messageId}, a scalar as text): an event
 *     about a message that was suppressed (never sent) weighs nothing
 */
public record TakenEvent(CustomerId customer, String type, Instant occurredAt, Optional<String> messageId) {

    public TakenEvent {
        if (customer == null || type == null || occurredAt == null || messageId == null) {
            throw new IllegalArgumentException("a taken event has its customer, type, time and (optional) message");
        }
    }
}
