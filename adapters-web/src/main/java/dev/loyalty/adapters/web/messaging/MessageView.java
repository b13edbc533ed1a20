package dev.loyalty.adapters.web.messaging;

import dev.loyalty.application.messaging.MessageRecord;
import dev.loyalty.application.messaging.OutboxMessage;
import java.time.Instant;
import java.util.List;

/** A message as the console reads it: where it is, why, and every step of its history (oldest first). */
public record MessageView(
        String messageId,
        String customerId,
        String channel,
        String requestedChannel,
        String kind,
        String status,
        String reason,
        int priority,
        String cause,
        int attempts,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt,
        List<Step> history) {

    /** One step: a status reached or an attempt, what about it, when. */
    public record Step(String status, String detail, Instant at) {}

    static MessageView of(MessageRecord record) {
        OutboxMessage m = record.message();
        return new MessageView(
                m.id().toString(),
                m.customerId().toString(),
                m.channel().map(Enum::name).orElse(null),
                m.requestedChannel().map(Enum::name).orElse(null),
                m.kind().name(),
                m.status().name(),
                m.reason().orElse(null),
                m.priority(),
                m.cause(),
                m.attempts(),
                m.createdAt(),
                m.sentAt().orElse(null),
                m.status().isFinal() ? null : m.nextAttemptAt(),
                record.history().stream()
                        .map(h -> new Step(h.status(), h.detail(), h.at()))
                        .toList());
    }
}
