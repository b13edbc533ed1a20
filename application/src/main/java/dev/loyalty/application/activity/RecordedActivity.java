package dev.loyalty.application.activity;

import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as it is kept: a known customer's, or a prospect's (known by e-mail or phone only).
 *
 * @param eventId the event's id, unique
 * @param type its type
 * @param source who told us
 * @param customerId the customer, or empty for a prospect's event
 * @param prospectEmail the prospect's e-mail, when the customer is not known
 * @param prospectPhone the prospect's phone, when the customer is not known
 * @param storeId the store, or {@code null}
 * @param occurredAt when it happened
 * @param receivedAt when we learnt of it
 * @param attributes its facts
 */
public record RecordedActivity(
        String eventId,
        EventType type,
        EventSource source,
        Optional<CustomerId> customerId,
        Optional<Email> prospectEmail,
        Optional<PhoneNumber> prospectPhone,
        String storeId,
        Instant occurredAt,
        Instant receivedAt,
        Map<String, Object> attributes) {

    /** Checks the components. */
    public RecordedActivity {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(prospectEmail, "prospectEmail");
        Objects.requireNonNull(prospectPhone, "prospectPhone");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        attributes = Map.copyOf(attributes);
        if (customerId.isEmpty() && prospectEmail.isEmpty() && prospectPhone.isEmpty()) {
            throw new IllegalArgumentException("an event names its customer or a prospect's contact");
        }
    }
}
