package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to queue for one customer.
 *
 * @param customerId to whom
 * @param channel the channel asked for, or empty for the customer's preferred one (with fallback)
 * @param template the text, with placeholders such as {@code {firstName}} and {@code {couponCode}}
 * @param values placeholder values the caller knows (e.g. {@code couponCode}, {@code couponValidUntil});
 *     the messaging side fills in what it knows of the customer (e.g. {@code firstName})
 * @param transactional true for a message the customer asked for (exempt from marketing consent and
 *     pressure, still recorded); false for marketing
 * @param priority higher wins a contested marketing slot
 * @param cause what caused it, unique per message (e.g. {@code rule:<ruleId>/event:<eventId>})
 */
public record MessageRequest(
        CustomerId customerId,
        Optional<Channel> channel,
        String template,
        Map<String, String> values,
        boolean transactional,
        int priority,
        String cause) {

    /** Checks the components. */
    public MessageRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(cause, "cause");
        values = Map.copyOf(values);
    }
}
