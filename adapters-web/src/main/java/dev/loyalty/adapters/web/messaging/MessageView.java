package dev.loyalty.adapters.web.messaging;

import dev.loyalty.application.messaging.MessageRecord;
import dev.loyalty.domain.messaging.Message;
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
        Message m = record.message();
        Message.Delivery delivery = m.delivery();
        return new MessageView(
                m.id().toString(),
                m.customerId().toString(),
                delivery.channel().map(Enum::name).orElse(null),
                m.routing().requestedChannel().map(Enum::name).orElse(null),
                m.routing().kind().name(),
                delivery.status().name(),
                delivery.reason().orElse(null),
                m.routing().priority(),
                m.cause(),
                m.schedule().attempts(),
                m.createdAt(),
                delivery.sentAt().orElse(null),
                delivery.status().isFinal() ? null : m.schedule().nextAttemptAt(),
                record.history().stream()
                        .map(h -> new Step(h.status(), h.detail(), h.at()))
                        .toList());
    }
}
