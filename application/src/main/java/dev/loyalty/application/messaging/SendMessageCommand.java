package dev.loyalty.application.messaging;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The console sends one message to one customer (a goodwill note, a test of the gateways).
 *
 * @param customerId to whom
 * @param channel the channel, or empty for the customer's preferred one with fallback
 * @param template the text with placeholders
 * @param values placeholder values
 * @param transactional whether it is exempt from marketing consent and pressure
 * @param priority its marketing priority
 * @param actor who asks
 */
public record SendMessageCommand(
        CustomerId customerId,
        Optional<Channel> channel,
        String template,
        Map<String, String> values,
        boolean transactional,
        int priority,
        Actor actor) {

    /** Checks the components. */
    public SendMessageCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        if (template == null || template.isBlank()) {
            throw new InvalidValueException("template", "template must not be blank");
        }
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
