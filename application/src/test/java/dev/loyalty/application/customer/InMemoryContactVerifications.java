package dev.loyalty.application.customer;

import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.CustomerId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The contacts awaiting verification, in memory. */
public class InMemoryContactVerifications implements ContactVerifications {

    private final Map<CustomerId, Map<ContactChannel, Pending>> rows = new HashMap<>();

    @Override
    public synchronized Map<ContactChannel, Pending> pendingOf(CustomerId customerId) {
        return Map.copyOf(rows.getOrDefault(customerId, Map.of()));
    }

    @Override
    public synchronized Optional<Pending> locked(CustomerId customerId, ContactChannel channel) {
        return Optional.ofNullable(rows.getOrDefault(customerId, Map.of()).get(channel));
    }

    @Override
    public synchronized void save(Pending pending) {
        rows.computeIfAbsent(pending.customerId(), id -> new EnumMap<>(ContactChannel.class))
                .put(pending.channel(), pending);
    }

    @Override
    public synchronized void remove(CustomerId customerId, ContactChannel channel) {
        rows.getOrDefault(customerId, new HashMap<>()).remove(channel);
    }
}
