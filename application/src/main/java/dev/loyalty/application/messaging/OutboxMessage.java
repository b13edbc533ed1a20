package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.MessageKind;
import dev.loyalty.domain.messaging.MessageStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One message of the outbox as stored: what to say and to whom, and where it is on its way. The id
 * is stable for the message's whole life and is what providers that support idempotency receive;
 * {@code leases} counts the relay's claims, so that only the holder of the latest claim may record
 * an outcome.
 *
 * @param id the stable id
 * @param customerId to whom
 * @param cause what caused it, unique
 * @param requestedChannel the channel asked for, if any
 * @param channel the channel chosen (tentatively when queued, for good when sent)
 * @param kind marketing or transactional
 * @param priority higher wins a contested marketing slot
 * @param template the text with placeholders
 * @param values the placeholder values the caller gave
 * @param storeId the store whose time zone and call list apply, if any
 * @param status where it is
 * @param reason why it was suppressed or failed, or the last error while retried
 * @param attempts sends tried through a gateway
 * @param leases claims by the relay
 * @param nextAttemptAt when the relay may take it next
 * @param countedAt when it took a marketing-pressure slot, if it did
 * @param providerId the provider's id for it, once accepted
 * @param createdAt when it was queued
 * @param sentAt when a gateway accepted it
 */
public record OutboxMessage(
        UUID id,
        CustomerId customerId,
        String cause,
        Optional<Channel> requestedChannel,
        Optional<Channel> channel,
        MessageKind kind,
        int priority,
        String template,
        Map<String, String> values,
        Optional<String> storeId,
        MessageStatus status,
        Optional<String> reason,
        int attempts,
        int leases,
        Instant nextAttemptAt,
        Optional<Instant> countedAt,
        Optional<String> providerId,
        Instant createdAt,
        Optional<Instant> sentAt) {

    /** The longest reason kept. */
    public static final int MAX_REASON = 500;

    /** Checks the components. */
    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(requestedChannel, "requestedChannel");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        values = Map.copyOf(values);
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(status, "status");
        reason = reason.map(r -> r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r);
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(countedAt, "countedAt");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** @return a copy in {@code status} for {@code reason} (empty to clear it) */
    public OutboxMessage withStatus(MessageStatus status, Optional<String> reason) {
        return new OutboxMessage(
                id,
                customerId,
                cause,
                requestedChannel,
                channel,
                kind,
                priority,
                template,
                values,
                storeId,
                status,
                reason,
                attempts,
                leases,
                nextAttemptAt,
                countedAt,
                providerId,
                createdAt,
                sentAt);
    }

    /** @return a copy on {@code channel} */
    public OutboxMessage withChannel(Channel channel) {
        return new OutboxMessage(
                id,
                customerId,
                cause,
                requestedChannel,
                Optional.of(channel),
                kind,
                priority,
                template,
                values,
                storeId,
                status,
                reason,
                attempts,
                leases,
                nextAttemptAt,
                countedAt,
                providerId,
                createdAt,
                sentAt);
    }

    /** @return a copy with {@code attempts} made, next taken at {@code nextAttemptAt} */
    public OutboxMessage withAttempts(int attempts, Instant nextAttemptAt) {
        return new OutboxMessage(
                id,
                customerId,
                cause,
                requestedChannel,
                channel,
                kind,
                priority,
                template,
                values,
                storeId,
                status,
                reason,
                attempts,
                leases,
                nextAttemptAt,
                countedAt,
                providerId,
                createdAt,
                sentAt);
    }

    /** @return a copy that took a pressure slot at {@code at} */
    public OutboxMessage counted(Instant at) {
        return new OutboxMessage(
                id,
                customerId,
                cause,
                requestedChannel,
                channel,
                kind,
                priority,
                template,
                values,
                storeId,
                status,
                reason,
                attempts,
                leases,
                nextAttemptAt,
                Optional.of(at),
                providerId,
                createdAt,
                sentAt);
    }

    /** @return a copy SENT at {@code at}: accepted by a provider (with its id) or held for a till or a call */
    public OutboxMessage sent(Optional<String> providerId, Instant at) {
        return new OutboxMessage(
                id,
                customerId,
                cause,
                requestedChannel,
                channel,
                kind,
                priority,
                template,
                values,
                storeId,
                MessageStatus.SENT,
                Optional.empty(),
                attempts,
                leases,
                nextAttemptAt,
                countedAt,
                providerId,
                createdAt,
                Optional.of(at));
    }
}
