package dev.loyalty.application.messaging;

import dev.loyalty.domain.messaging.Message;
import java.util.List;
import java.util.Objects;

/**
 * A message with its history, as the console reads it.
 *
 * @param message the message
 * @param history its status changes, oldest first
 */
public record MessageRecord(Message message, List<StatusChange> history) {

    /** Checks and copies. */
    public MessageRecord {
        Objects.requireNonNull(message, "message");
        history = List.copyOf(history);
    }
}
