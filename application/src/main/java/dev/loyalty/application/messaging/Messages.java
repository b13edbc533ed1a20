package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Driven port: the outbox table and each message's status history. Works inside the caller's
 * transaction. Claims are safe with several relays on several instances: each due message is
 * claimed by one of them (rows locked and skipped by the others), and a claim is a lease that
 * expires, so a message whose relay died is taken again.
 */
public interface Messages {

    /**
     * A claim of the relay on one message.
     *
     * @param id the message
     * @param leases its claim count after this claim: only this claim may record an outcome
     */
    record Claim(UUID id, int leases) {}

    /**
     * Stores a new message with the first line of its history, unless a message with the same
     * cause exists.
     *
     * @return whether it was stored (false: its cause was already queued)
     */
    boolean add(Message message, StatusChange first);

    /**
     * Stores new messages, each with the first lines of its history, as {@link #add} and {@link #append}
     * do one by one (a message whose cause exists is not stored, nor its lines): for many messages at
     * once (a campaign's page), some of them perhaps already settled (SUPPRESSED, with both lines).
     *
     * @param histories each message's first history lines (at least one, oldest first), in the same order
     * @return the ids of the messages stored
     */
    default java.util.Set<java.util.UUID> addAll(List<Message> messages, List<List<StatusChange>> histories) {
        java.util.Set<java.util.UUID> stored = new java.util.HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            List<StatusChange> history = histories.get(i);
            if (add(messages.get(i), history.get(0))) {
                stored.add(messages.get(i).id());
                for (StatusChange later : history.subList(1, history.size())) {
                    append(messages.get(i).id(), later);
                }
            }
        }
        return stored;
    }

    /**
     * Claims up to {@code limit} queued messages due at {@code now}, highest priority first,
     * skipping those another transaction holds: each one's next attempt moves to
     * {@code leaseUntil} and its lease count grows by one.
     */
    List<Claim> claimDue(Instant now, Instant leaseUntil, int limit);

    /** @return the message, locked until the transaction ends */
    Optional<Message> lockedById(UUID id);

    /**
     * As {@link #lockedById} for several messages at once (a relay's claimed batch): one read where
     * the store can.
     *
     * @return the messages found, by id, each locked until the transaction ends
     */
    default java.util.Map<UUID, Message> lockedByIds(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, Message> found = new java.util.LinkedHashMap<>();
        for (UUID id : ids) {
            lockedById(id).ifPresent(message -> found.put(id, message));
        }
        return found;
    }

    /** @return the message */
    Optional<Message> byId(UUID id);

    /** @return the message a provider knows by {@code providerId}, locked */
    Optional<Message> lockedByProviderId(String providerId);

    /** Stores the message's changed state (its delivery and schedule, except the lease count, which is the store's). */
    void save(Message message);

    /** Appends a line to the message's history. */
    void append(UUID id, StatusChange change);

    /** A line of a message's history, for {@link #appendAll}. */
    record Line(UUID id, StatusChange change) {}

    /**
     * Stores the changed state of several messages, as {@link #save} does each (in one round trip
     * where the store can).
     */
    default void saveAll(List<Message> messages) {
        messages.forEach(this::save);
    }

    /** Appends lines to messages' histories, in their order, as {@link #append} does each (one statement where the store can). */
    default void appendAll(List<Line> lines) {
        lines.forEach(line -> append(line.id(), line.change()));
    }

    /** @return the message's history, oldest first */
    List<StatusChange> history(UUID id);

    /**
     * Locks the customer's marketing-pressure account (until the transaction ends), so that the
     * decisions on one customer's messages are taken one at a time across all instances.
     */
    void lockPressure(CustomerId customer);

    /**
     * Locks several customers' marketing-pressure accounts as {@link #lockPressure} does each, in
     * the customers' order (so two relays locking overlapping sets wait, never deadlock), in one
     * statement where the store can.
     */
    default void lockPressure(java.util.Collection<CustomerId> customers) {
        customers.stream()
                .distinct()
                .sorted(java.util.Comparator.comparing(CustomerId::toString))
                .forEach(this::lockPressure);
    }

    /**
     * A customer's marketing message as the pressure judgement reads it ({@link #countedSince},
     * {@link #waitingWithHigherPriority}).
     *
     * @param id the message
     * @param customer its customer
     * @param status its status
     * @param priority its priority
     * @param channel the channel chosen, if any
     * @param requestedChannel the channel asked for, if any
     * @param nextAttemptAt when the relay may take it next
     * @param countedAt when it took a pressure slot, if it did
     */
    record Marketing(
            UUID id,
            CustomerId customer,
            MessageStatus status,
            int priority,
            Optional<Channel> channel,
            Optional<Channel> requestedChannel,
            Instant nextAttemptAt,
            Optional<Instant> countedAt) {

        /** @return the message as stored once saved */
        public static Marketing of(Message message) {
            return new Marketing(
                    message.id(),
                    message.customerId(),
                    message.status(),
                    message.routing().priority(),
                    message.delivery().channel(),
                    message.routing().requestedChannel(),
                    message.schedule().nextAttemptAt(),
                    message.schedule().countedAt());
        }

        /** @return whether {@link #countedSince}{@code (since)} counts it */
        public boolean countedAfter(Instant since) {
            return countedAt.filter(at -> at.isAfter(since)).isPresent()
                    && status != MessageStatus.FAILED
                    && status != MessageStatus.SUPPRESSED;
        }

        /** @return whether {@link #waitingWithHigherPriority} finds it (other than the one it excludes) */
        public boolean waitingAbove(int than, Instant horizon) {
            return status == MessageStatus.QUEUED
                    && countedAt.isEmpty()
                    && priority > than
                    && !nextAttemptAt.isAfter(horizon);
        }

        /** @return the channel {@link #waitingWithHigherPriority} gives for it */
        public Channel waitingChannel() {
            // a message without a channel yet is counted against the overall caps only
            return channel.or(() -> requestedChannel).orElse(Channel.PRINT_AT_TILL);
        }
    }

    /**
     * The customers' marketing messages that either of the pressure reads can find with these
     * bounds: counted after {@code countedAfter} and not lost, or queued, not counted and due by
     * {@code dueBy} (a relay's batch reads them once, after {@link #lockPressure(java.util.Collection)},
     * and judges from them as {@link #countedSince} and {@link #waitingWithHigherPriority} would).
     *
     * @return those messages, in no particular order
     */
    default List<Marketing> pressureOf(
            java.util.Collection<CustomerId> customers, Instant countedAfter, Instant dueBy) {
        throw new UnsupportedOperationException("this store reads pressure one customer at a time");
    }

    /** @return the customer's marketing messages that took a pressure slot after {@code since} and were not lost */
    List<MarketingPressurePolicy.Counted> countedSince(CustomerId customer, Instant since);

    /**
     * @return the channels (tentative or asked for) of the customer's other queued marketing
     *     messages with a priority above {@code priority}, due before {@code horizon}, that have
     *     not taken a slot yet
     */
    List<Channel> waitingWithHigherPriority(CustomerId customer, UUID excluding, int priority, Instant horizon);

    /** @return the customer's messages, newest first, at most {@code limit} */
    List<Message> ofCustomer(CustomerId customer, int limit);

    /** @return the messages in {@code status}, newest first, at most {@code limit} */
    List<Message> withStatus(MessageStatus status, int limit);

    /** @return the customer's sent messages on {@code channel} that were not delivered yet, oldest first */
    List<Message> sentNotDelivered(CustomerId customer, Channel channel);

    /** @return the sent {@code STAFF_CALL} messages of a store not yet called, oldest first */
    List<Message> callList(String storeId, int limit);
}
