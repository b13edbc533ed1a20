package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageKind;
import dev.loyalty.domain.messaging.MessageStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An in-memory {@link Messages} for tests, shared through the test-jar: unique causes, claims that
 * move the lease and count it, histories. No locking (tests drive one relay at a time). Keeps
 * copies, as a database does: a change to a message read from here counts only once saved.
 */
public class InMemoryMessages implements Messages {

    private final Map<UUID, Message> stored = new LinkedHashMap<>();
    private final Map<UUID, List<StatusChange>> histories = new LinkedHashMap<>();

    @Override
    public synchronized boolean add(Message message, StatusChange first) {
        if (stored.values().stream().anyMatch(m -> m.cause().equals(message.cause()))) {
            return false;
        }
        stored.put(message.id(), copy(message));
        histories.put(message.id(), new ArrayList<>(List.of(first)));
        return true;
    }

    @Override
    public synchronized List<Claim> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Claim> claims = new ArrayList<>();
        stored.values().stream()
                .filter(m -> m.status() == MessageStatus.QUEUED
                        && !m.schedule().nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing((Message m) -> m.schedule().nextAttemptAt()))
                .limit(limit)
                .toList()
                .forEach(m -> {
                    Message leased = copy(m, m.schedule().leases() + 1, leaseUntil);
                    stored.put(m.id(), leased);
                    claims.add(new Claim(m.id(), leased.schedule().leases()));
                });
        return claims;
    }

    @Override
    public synchronized Optional<Message> lockedById(UUID id) {
        return byId(id);
    }

    @Override
    public synchronized Optional<Message> byId(UUID id) {
        return Optional.ofNullable(stored.get(id)).map(InMemoryMessages::copy);
    }

    @Override
    public synchronized Optional<Message> lockedByProviderId(String providerId) {
        return stored.values().stream()
                .filter(m ->
                        m.delivery().providerId().filter(providerId::equals).isPresent())
                .findFirst()
                .map(InMemoryMessages::copy);
    }

    @Override
    public synchronized void save(Message message) {
        Message current = stored.get(message.id());
        // the lease count is the store's, as in the database
        stored.put(
                message.id(),
                copy(message, current.schedule().leases(), message.schedule().nextAttemptAt()));
    }

    @Override
    public synchronized void append(UUID id, StatusChange change) {
        histories.get(id).add(change);
    }

    @Override
    public synchronized List<StatusChange> history(UUID id) {
        return List.copyOf(histories.getOrDefault(id, List.of()));
    }

    @Override
    public void lockPressure(CustomerId customer) {}

    @Override
    public synchronized List<MarketingPressurePolicy.Counted> countedSince(CustomerId customer, Instant since) {
        return stored.values().stream()
                .filter(m -> m.customerId().equals(customer) && m.routing().kind() == MessageKind.MARKETING)
                .filter(m ->
                        m.schedule().countedAt().filter(at -> at.isAfter(since)).isPresent())
                .filter(m -> m.status() != MessageStatus.FAILED && m.status() != MessageStatus.SUPPRESSED)
                .map(m -> new MarketingPressurePolicy.Counted(
                        m.schedule().countedAt().orElseThrow(),
                        m.delivery().channel().orElseThrow()))
                .toList();
    }

    @Override
    public synchronized List<Channel> waitingWithHigherPriority(
            CustomerId customer, UUID excluding, int priority, Instant horizon) {
        return stored.values().stream()
                .filter(m -> m.customerId().equals(customer) && !m.id().equals(excluding))
                .filter(m -> m.routing().kind() == MessageKind.MARKETING && m.status() == MessageStatus.QUEUED)
                .filter(m -> m.schedule().countedAt().isEmpty() && m.routing().priority() > priority)
                .filter(m -> !m.schedule().nextAttemptAt().isAfter(horizon))
                .map(m ->
                        m.delivery().channel().or(m.routing()::requestedChannel).orElse(Channel.PRINT_AT_TILL))
                .toList();
    }

    @Override
    public synchronized List<Marketing> pressureOf(
            java.util.Collection<CustomerId> customers, Instant countedAfter, Instant dueBy) {
        return stored.values().stream()
                .filter(m -> customers.contains(m.customerId()) && m.routing().kind() == MessageKind.MARKETING)
                .map(Marketing::of)
                .filter(m -> m.countedAfter(countedAfter) || m.waitingAbove(Integer.MIN_VALUE, dueBy))
                .toList();
    }

    @Override
    public synchronized List<Message> ofCustomer(CustomerId customer, int limit) {
        return stored.values().stream()
                .filter(m -> m.customerId().equals(customer))
                .sorted(Comparator.comparing(Message::createdAt).reversed())
                .limit(limit)
                .map(InMemoryMessages::copy)
                .toList();
    }

    @Override
    public synchronized List<Message> withStatus(MessageStatus status, int limit) {
        return stored.values().stream()
                .filter(m -> m.status() == status)
                .sorted(Comparator.comparing(Message::createdAt).reversed())
                .limit(limit)
                .map(InMemoryMessages::copy)
                .toList();
    }

    @Override
    public synchronized List<Message> sentNotDelivered(CustomerId customer, Channel channel) {
        return stored.values().stream()
                .filter(m -> m.customerId().equals(customer)
                        && m.delivery().channel().filter(channel::equals).isPresent())
                .filter(m -> m.status() == MessageStatus.SENT)
                .map(InMemoryMessages::copy)
                .toList();
    }

    @Override
    public synchronized List<Message> callList(String storeId, int limit) {
        return stored.values().stream()
                .filter(m -> m.routing().storeId().filter(storeId::equals).isPresent())
                .filter(m -> m.delivery()
                        .channel()
                        .filter(Channel.STAFF_CALL::equals)
                        .isPresent())
                .filter(m -> m.status() == MessageStatus.SENT)
                .limit(limit)
                .map(InMemoryMessages::copy)
                .toList();
    }

    /** @return every message stored, in the order queued */
    public synchronized List<Message> all() {
        return stored.values().stream().map(InMemoryMessages::copy).toList();
    }

    private static Message copy(Message m) {
        return copy(m, m.schedule().leases(), m.schedule().nextAttemptAt());
    }

    private static Message copy(Message m, int leases, Instant nextAttemptAt) {
        Message.Schedule schedule = m.schedule();
        return Message.reconstitute(
                m.id(),
                m.customerId(),
                m.cause(),
                m.createdAt(),
                m.routing(),
                m.content(),
                m.delivery(),
                new Message.Schedule(schedule.attempts(), leases, nextAttemptAt, schedule.countedAt()));
    }
}
