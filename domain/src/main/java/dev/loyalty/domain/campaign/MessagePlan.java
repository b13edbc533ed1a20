package dev.loyalty.domain.campaign;

import dev.loyalty.domain.messaging.Channel;
import java.util.Objects;
import java.util.Optional;

/**
 * The message each treatment member gets through the outbox (marketing: consent and pressure are
 * judged there).
 *
 * @param channel the channel asked for, or the customer's preferred one
 * @param template the text or a template's name, with placeholders such as {@code {couponCode}}
 * @param priority higher wins a contested marketing slot
 */
public record MessagePlan(Optional<Channel> channel, String template, int priority) {

    public MessagePlan {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
    }
}
