package dev.loyalty.domain.messaging;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * At most {@code max} marketing messages per customer in any rolling {@code window}, on one channel
 * or on all of them together.
 *
 * @param channel the channel counted, or empty for all channels together
 * @param window the rolling window
 * @param max the most messages in it, at least 0
 */
public record PressureCap(Optional<Channel> channel, Duration window, int max) {

    /** Validates the components. */
    public PressureCap {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new InvalidValueException("window", "a pressure window must be positive");
        }
        if (max < 0) {
            throw new InvalidValueException("max", "a pressure cap must not be negative");
        }
    }

    /** @return whether a message on {@code on} counts against this cap */
    public boolean covers(Channel on) {
        return channel.isEmpty() || channel.get() == on;
    }

    /** @return e.g. {@code 2 per 7 days on SMS} */
    public String describe() {
        long days = window.toDays();
        String span = days * 86_400 == window.toSeconds() ? days + " days" : window.toSeconds() + " s";
        return max + " per " + span + channel.map(c -> " on " + c).orElse(" on all channels");
    }
}
