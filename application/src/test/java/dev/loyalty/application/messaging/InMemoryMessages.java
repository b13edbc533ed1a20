package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
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
 * move the lease and count it, histories. No locking (tests drive one relay at a time).
 */
public class InMemoryMessages implements Messages {

    private final Map<UUID, OutboxMessage> stored = new LinkedHashMap<>();
    private final Map<UUID, List<StatusChange>> histories = new LinkedHashMap<>();

    @Override
    public synchronized boolean add(OutboxMessage message, StatusChange first) {
        if (stored.values().stream().anyMatch(m -> m.cause().equals(message.cause()))) {
            return false;
        }
        stored.put(message.id(), message);
        histories.put(message.id(), new ArrayList<>(List.of(first)));
        return true;
    }

    @Override
    public synchronized List<Claim> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Claim> claims = new ArrayList<>();
        stored.values().stream()
                .filter(m ->
                        m.status() == MessageStatus.QUEUED && !m.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(OutboxMessage::nextAttemptAt))
                .limit(limit)
                .toList()
                .forEach(m -> {
                    OutboxMessage leased = new OutboxMessage(
                            m.id(),
                            m.customerId(),
                            m.cause(),
                            m.requestedChannel(),
                            m.channel(),
                            m.kind(),
                            m.priority(),
                            m.template(),
                            m.values(),
                            m.storeId(),
                            m.status(),
                            m.reason(),
                            m.attempts(),
                            m.leases() + 1,
                            leaseUntil,
                            m.countedAt(),
                            m.providerId(),
                            m.createdAt(),
                            m.sentAt());
                    stored.put(m.id(), leased);
                    claims.add(new Claim(m.id(), leased.leases()));
                });
        return claims;
    }

    @Override
    public synchronized Optional<OutboxMessage> lockedById(UUID id) {
        return byId(id);
    }

    @Override
    public synchronized Optional<OutboxMessage> byId(UUID id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public synchronized Optional<OutboxMessage> lockedByProviderId(String providerId) {
        return stored.values().stream()
                .filter(m -> m.providerId().filter(providerId::equals).isPresent())
                .findFirst();
    }

    @Override
    public synchronized void save(OutboxMessage message) {
        OutboxMessage current = stored.get(message.id());
        // the lease count is the store's, as in the database
        stored.put(
                message.id(),
                new OutboxMessage(
                        message.id(),
                        message.customerId(),
                        message.cause(),
                        message.requestedChannel(),
                        message.channel(),
                        message.kind(),
                        message.priority(),
                        message.template(),
                        message.values(),
                        message.storeId(),
                        message.status(),
                        message.reason(),
                        message.attempts(),
                        current.leases(),
                        message.nextAttemptAt(),
                        message.countedAt(),
                        message.providerId(),
                        message.createdAt(),
                        message.sentAt()));
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
                .filter(m -> m.customerId().equals(customer) && m.kind() == MessageKind.MARKETING)
                .filter(m -> m.countedAt().filter(at -> at.isAfter(since)).isPresent())
                .filter(m -> m.status() != MessageStatus.FAILED && m.status() != MessageStatus.SUPPRESSED)
                .map(m -> new MarketingPressurePolicy.Counted(
                        m.countedAt().orElseThrow(), m.channel().orElseThrow()))
                .toList();
    }

    @Override
    public synchronized List<Channel> waitingWithHigherPriority(
            CustomerId customer, UUID excluding, int priority, Instant horizon) {
        return stored.values().stream()
                .filter(m -> m.customerId().equals(customer) && !m.id().equals(excluding))
                .filter(m -> m.kind() == MessageKind.MARKETING && m.status() == MessageStatus.QUEUED)
                .filter(m -> m.countedAt().isEmpty() && m.priority() > priority)
                .filter(m -> !m.nextAttemptAt().isAfter(horizon))
                .map(m -> m.channel().or(m::requestedChannel).orElse(Channel.PRINT_AT_TILL))
                .toList();
    }

    @Override
    public synchronized List<OutboxMessage> ofCustomer(CustomerId customer, int limit) {
        return stored.values().stream()
                .filter(m -> m.customerId().equals(customer))
                .sorted(Comparator.comparing(OutboxMessage::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<OutboxMessage> withStatus(MessageStatus status, int limit) {
        return stored.values().stream()
                .filter(m -> m.status() == status)
                .sorted(Comparator.comparing(OutboxMessage::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<OutboxMessage> sentNotDelivered(CustomerId customer, Channel channel) {
        return stored.values().stream()
                .filter(m -> m.customerId().equals(customer)
                        && m.channel().filter(channel::equals).isPresent())
                .filter(m -> m.status() == MessageStatus.SENT)
                .toList();
    }

    @Override
    public synchronized List<OutboxMessage> callList(String storeId, int limit) {
        return stored.values().stream()
                .filter(m -> m.storeId().filter(storeId::equals).isPresent())
                .filter(m -> m.channel().filter(Channel.STAFF_CALL::equals).isPresent())
                .filter(m -> m.status() == MessageStatus.SENT)
                .limit(limit)
                .toList();
    }

    /** @return every message stored, in the order queued */
    public synchronized List<OutboxMessage> all() {
        return List.copyOf(stored.values());
    }
}
