package dev.loyalty.adapters.persistence.messaging;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageKind;
import dev.loyalty.domain.messaging.MessageStatus;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Translates between the {@link Message} aggregate and its {@link MessageRow}: an absent value is a
 * {@code NULL}, an instant its UTC wall-clock time, the placeholder values {@code a=1&b=2}
 * URL-encoded in key order.
 */
final class MessageMapper {

    private MessageMapper() {}

    static MessageRow toRow(Message message) {
        Message.Routing routing = message.routing();
        Message.Content content = message.content();
        Message.Delivery delivery = message.delivery();
        Message.Schedule schedule = message.schedule();
        return new MessageRow(
                message.id().toString(),
                message.customerId().toString(),
                message.cause(),
                routing.requestedChannel().map(Enum::name).orElse(null),
                delivery.channel().map(Enum::name).orElse(null),
                routing.kind().name(),
                routing.priority(),
                content.template(),
                encode(content.values()),
                routing.storeId().orElse(null),
                delivery.status().name(),
                delivery.reason().orElse(null),
                schedule.attempts(),
                schedule.leases(),
                UtcTimes.utc(schedule.nextAttemptAt()),
                schedule.countedAt().map(UtcTimes::utc).orElse(null),
                delivery.providerId().orElse(null),
                UtcTimes.utc(message.createdAt()),
                delivery.sentAt().map(UtcTimes::utc).orElse(null));
    }

    static Message toDomain(MessageRow row) {
        return Message.reconstitute(
                UUID.fromString(row.id()),
                new CustomerId(UUID.fromString(row.customerId())),
                row.cause(),
                UtcTimes.instant(row.createdAt()),
                new Message.Routing(
                        MessageKind.valueOf(row.kind()),
                        row.priority(),
                        channel(row.requestedChannel()),
                        Optional.ofNullable(row.storeId())),
                new Message.Content(row.template(), decode(row.templateValues())),
                new Message.Delivery(
                        MessageStatus.valueOf(row.status()),
                        channel(row.channel()),
                        Optional.ofNullable(row.reason()),
                        Optional.ofNullable(row.providerId()),
                        instant(row.sentAt())),
                new Message.Schedule(
                        row.attempts(), row.leases(), UtcTimes.instant(row.nextAttemptAt()), instant(row.countedAt())));
    }

    private static Optional<Channel> channel(String name) {
        return Optional.ofNullable(name).map(Channel::valueOf);
    }

    private static Optional<Instant> instant(LocalDateTime utc) {
        return Optional.ofNullable(UtcTimes.instant(utc));
    }

    /** {@code a=1&b=2}, URL-encoded, in key order. */
    static String encode(Map<String, String> values) {
        return new TreeMap<>(values)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> values = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
