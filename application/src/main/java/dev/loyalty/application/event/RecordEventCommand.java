package dev.loyalty.application.event;

import dev.loyalty.application.shared.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event pushed by an integration or the app.
 *
 * @param eventId the sender's id for it (a retry sends the same)
 * @param customerId our customer id, or {@code null}
 * @param email the customer's e-mail, or {@code null}
 * @param phone the customer's phone (E.164), or {@code null}
 * @param type the event type
 * @param occurredAt when it happened, or {@code null} for now
 * @param attributes its facts (strings, whole numbers, booleans, lists of strings)
 * @param actor who sends it
 */
public record RecordEventCommand(
        String eventId,
        String customerId,
        String email,
        String phone,
        String type,
        Instant occurredAt,
        Map<String, Object> attributes,
        Actor actor) {

    /** Checks the required components. */
    public RecordEventCommand {
        Objects.requireNonNull(actor, "actor");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
