package dev.loyalty.domain.messaging;

import static dev.loyalty.domain.messaging.MessageStatus.FAILED;
import static dev.loyalty.domain.messaging.MessageStatus.QUEUED;
import static dev.loyalty.domain.messaging.MessageStatus.SENT;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One message to one customer on its way out of the outbox: what to say ({@link Content}), how it
 * is to go ({@link Routing}), where it is ({@link Delivery}) and the relay's bookkeeping
 * ({@link Schedule}). Created by {@link #queue} or, when its text cannot be filled, as a dead letter
 * by {@link #deadLetter}; rebuilt from storage by {@link #reconstitute}. The id is stable for the
 * message's whole life and is what providers that support idempotency receive.
 *
 * <p>Life: a QUEUED message is judged and tried by the relay and leaves QUEUED as SENT (a provider
 * accepted it, or it is held for a till or a call), SUPPRESSED (a rule stopped it) or FAILED (no
 * attempt left, or its text broken); a SENT one becomes DELIVERED or FAILED; a FAILED one (a dead
 * letter) may be queued again. Every step checks the status it starts from and throws
 * {@link MessageTransitionIllegalException} from any other; DELIVERED and SUPPRESSED are the end.
 * Every step to SUPPRESSED or FAILED gives the reason.
 */
public final class Message {

    /** The longest reason kept (a longer one is cut). */
    public static final int MAX_REASON = 500;

    private static final Set<MessageStatus> ONLY_QUEUED = EnumSet.of(QUEUED);
    private static final Set<MessageStatus> ONLY_SENT = EnumSet.of(SENT);

    /**
     * What the message says.
     *
     * @param template the text with placeholders
     * @param values the placeholder values the caller gave
     */
    public record Content(String template, Map<String, String> values) {

        /** Checks and copies. */
        public Content {
            Objects.requireNonNull(template, "template");
            values = Map.copyOf(values);
        }
    }

    /**
     * How the message is to go.
     *
     * @param kind marketing or transactional
     * @param priority higher wins a contested marketing slot
     * @param requestedChannel the channel asked for, if any
     * @param storeId the store whose time zone and call list apply, if any
     */
    public record Routing(
            MessageKind kind, int priority, Optional<Channel> requestedChannel, Optional<String> storeId) {

        /** Checks the components. */
        public Routing {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(requestedChannel, "requestedChannel");
            Objects.requireNonNull(storeId, "storeId");
        }
    }

    /**
     * Where the message is.
     *
     * @param status its status
     * @param channel the channel chosen (tentatively while queued, for good once sent)
     * @param reason why it was suppressed or failed, or the last error while retried; cut at
     *     {@value Message#MAX_REASON} characters
     * @param providerId the provider's id for it, once accepted
     * @param sentAt when it was sent (accepted by a provider or held in store)
     */
    public record Delivery(
            MessageStatus status,
            Optional<Channel> channel,
            Optional<String> reason,
            Optional<String> providerId,
            Optional<Instant> sentAt) {

        /** Checks the components and cuts the reason. */
        public Delivery {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(channel, "channel");
            reason = reason.map(r -> r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r);
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(sentAt, "sentAt");
        }

        Delivery to(MessageStatus next, Optional<String> why) {
            return new Delivery(next, channel, why, providerId, sentAt);
        }
    }

    /**
     * The relay's bookkeeping.
     *
     * @param attempts sends tried through a gateway, not negative
     * @param leases claims by the relay (only the holder of the latest may record an outcome), not
     *     negative
     * @param nextAttemptAt when the relay may take it next
     * @param countedAt when it took a marketing-pressure slot, if it did
     */
    public record Schedule(int attempts, int leases, Instant nextAttemptAt, Optional<Instant> countedAt) {

        /** Checks the components. */
        public Schedule {
            if (attempts < 0 || leases < 0) {
                throw new InvalidValueException("attempts", "attempts and leases are not negative");
            }
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(countedAt, "countedAt");
        }
    }

    private final UUID id;
    private final CustomerId customerId;
    private final String cause;
    private final Instant createdAt;
    private final Routing routing;
    private final Content content;
    private Delivery delivery;
    private Schedule schedule;

    private Message(
            UUID id,
            CustomerId customerId,
            String cause,
            Instant createdAt,
            Routing routing,
            Content content,
            Delivery delivery,
            Schedule schedule) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.cause = Objects.requireNonNull(cause, "cause");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.content = Objects.requireNonNull(content, "content");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /**
     * A new message, due at once.
     *
     * @param id its stable id
     * @param customerId to whom
     * @param cause what caused it (unique per message)
     * @param routing how it is to go
     * @param content what it says
     * @param tentative the channel chosen for now, if any
     * @param now when it is queued
     * @return a QUEUED message
     */
    public static Message queue(
            UUID id,
            CustomerId customerId,
            String cause,
            Routing routing,
            Content content,
            Optional<Channel> tentative,
            Instant now) {
        return created(id, customerId, cause, routing, content, tentative, QUEUED, Optional.empty(), now);
    }

    /**
     * A new message that cannot go (its text names a placeholder without a value, or a template that
     * does not exist): kept as a dead letter an administrator may queue again once fixed.
     *
     * @param reason why it cannot go
     * @return a FAILED message; otherwise as {@link #queue}
     */
    public static Message deadLetter(
            UUID id,
            CustomerId customerId,
            String cause,
            Routing routing,
            Content content,
            Optional<Channel> tentative,
            String reason,
            Instant now) {
        return created(
                id,
                customerId,
                cause,
                routing,
                content,
                tentative,
                FAILED,
                Optional.of(Objects.requireNonNull(reason, "reason")),
                now);
    }

    private static Message created(
            UUID id,
            CustomerId customerId,
            String cause,
            Routing routing,
            Content content,
            Optional<Channel> tentative,
            MessageStatus status,
            Optional<String> reason,
            Instant now) {
        return new Message(
                id,
                customerId,
                cause,
                now,
                routing,
                content,
                new Delivery(status, tentative, reason, Optional.empty(), Optional.empty()),
                new Schedule(0, 0, now, Optional.empty()));
    }

    /**
     * Rebuilds a stored message as it was stored.
     *
     * @return the message
     */
    public static Message reconstitute(
            UUID id,
            CustomerId customerId,
            String cause,
            Instant createdAt,
            Routing routing,
            Content content,
            Delivery delivery,
            Schedule schedule) {
        return new Message(id, customerId, cause, createdAt, routing, content, delivery, schedule);
    }

    /**
     * Takes the channel judged now (QUEUED only).
     *
     * @param channel the channel it will go on
     */
    public void chooseChannel(Channel channel) {
        require("choose a channel", ONLY_QUEUED);
        delivery = new Delivery(
                delivery.status(), Optional.of(channel), delivery.reason(), delivery.providerId(), delivery.sentAt());
    }

    /**
     * Puts the next attempt off (quiet hours; QUEUED only).
     *
     * @param until when the relay may take it again
     */
    public void deferUntil(Instant until) {
        require("defer", ONLY_QUEUED);
        schedule = new Schedule(schedule.attempts(), schedule.leases(), until, schedule.countedAt());
    }

    /**
     * Takes a marketing-pressure slot (QUEUED only).
     *
     * @param at when
     */
    public void countAgainstPressure(Instant at) {
        require("count against pressure", ONLY_QUEUED);
        schedule = new Schedule(schedule.attempts(), schedule.leases(), schedule.nextAttemptAt(), Optional.of(at));
    }

    /**
     * Starts an attempt through a gateway (QUEUED only).
     *
     * @return the attempt's number, from 1
     */
    public int attempt() {
        require("attempt", ONLY_QUEUED);
        schedule = new Schedule(
                schedule.attempts() + 1, schedule.leases(), schedule.nextAttemptAt(), schedule.countedAt());
        return schedule.attempts();
    }

    /**
     * Keeps a message whose attempt failed for another one (QUEUED only).
     *
     * @param next when the relay may take it again
     * @param error what went wrong, kept as the reason
     */
    public void retryAt(Instant next, String error) {
        require("retry", ONLY_QUEUED);
        delivery = delivery.to(QUEUED, Optional.of(error));
        schedule = new Schedule(schedule.attempts(), schedule.leases(), next, schedule.countedAt());
    }

    /**
     * A provider accepted the message (QUEUED to SENT).
     *
     * @param providerId the provider's id for it
     * @param at when
     */
    public void acceptedBy(String providerId, Instant at) {
        sent(Optional.of(Objects.requireNonNull(providerId, "providerId")), at);
    }

    /**
     * The message waits in store for a till to print it or the staff to call (QUEUED to SENT).
     *
     * @param at when
     */
    public void holdInStore(Instant at) {
        sent(Optional.empty(), at);
    }

    private void sent(Optional<String> providerId, Instant at) {
        require("send", ONLY_QUEUED);
        delivery = new Delivery(SENT, delivery.channel(), Optional.empty(), providerId, Optional.of(at));
    }

    /** The message reached the customer: a provider confirmed, a till printed it, the staff called (SENT to DELIVERED). */
    public void deliver() {
        require("deliver", ONLY_SENT);
        delivery = delivery.to(MessageStatus.DELIVERED, Optional.empty());
    }

    /**
     * A rule stopped the message (QUEUED to SUPPRESSED).
     *
     * @param reason which rule and why
     */
    public void suppress(String reason) {
        require("suppress", ONLY_QUEUED);
        delivery = delivery.to(MessageStatus.SUPPRESSED, Optional.of(Objects.requireNonNull(reason, "reason")));
    }

    /**
     * The message will not reach the customer: no attempt left, a permanent error, a provider's
     * failure report (QUEUED or SENT to FAILED, a dead letter).
     *
     * @param reason why
     */
    public void fail(String reason) {
        require("fail", EnumSet.of(QUEUED, SENT));
        delivery = delivery.to(FAILED, Optional.of(Objects.requireNonNull(reason, "reason")));
    }

    /**
     * Queues a dead letter again, due at once with every attempt available (FAILED to QUEUED).
     *
     * @param now when
     */
    public void requeue(Instant now) {
        require("queue again", EnumSet.of(FAILED));
        delivery = delivery.to(QUEUED, Optional.empty());
        schedule = new Schedule(0, schedule.leases(), now, schedule.countedAt());
    }

    private void require(String transition, Set<MessageStatus> allowedFrom) {
        if (!allowedFrom.contains(delivery.status())) {
            throw new MessageTransitionIllegalException(id, delivery.status(), transition, allowedFrom);
        }
    }

    /** @return the stable id */
    public UUID id() {
        return id;
    }

    /** @return to whom */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return what caused it, unique */
    public String cause() {
        return cause;
    }

    /** @return when it was queued */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return how it is to go */
    public Routing routing() {
        return routing;
    }

    /** @return what it says */
    public Content content() {
        return content;
    }

    /** @return where it is */
    public Delivery delivery() {
        return delivery;
    }

    /** @return the relay's bookkeeping */
    public Schedule schedule() {
        return schedule;
    }

    /** @return its status (as in {@link #delivery()}) */
    public MessageStatus status() {
        return delivery.status();
    }

    @Override
    public String toString() {
        return "Message[" + id + ", " + delivery.status() + "]";
    }
}
