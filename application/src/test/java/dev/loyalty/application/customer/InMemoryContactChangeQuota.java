package dev.loyalty.application.customer;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The new-contact counts in memory: one window per customer, as the table keeps them. */
public class InMemoryContactChangeQuota implements ContactChangeQuota {

    private record Window(Instant start, int used) {}

    private final Map<CustomerId, Window> windows = new HashMap<>();

    @Override
    public synchronized Optional<Instant> take(
            CustomerId customerId, int contacts, int limit, Duration window, Instant now) {
        Window current = windows.get(customerId);
        if (current == null || !now.isBefore(current.start().plus(window))) {
            current = new Window(now, 0);
        }
        if (current.used() + contacts > limit) {
            return Optional.of(current.start().plus(window));
        }
        windows.put(customerId, new Window(current.start(), current.used() + contacts));
        return Optional.empty();
    }
}
