package dev.loyalty.application.tier;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.TierProgramme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customers' standings and tier history in memory, versioned as in the database. Thread-safe. */
public final class InMemoryCustomerTiers implements CustomerTiers {

    private record Stored(String tier, Instant since, Instant reviewAt, Instant heldUntil, long version) {}

    private final Map<CustomerId, Stored> standings = new HashMap<>();
    private final List<TierHistoryEntry> history = new ArrayList<>();

    @Override
    public synchronized Optional<CustomerTier> byCustomer(CustomerId customerId) {
        return Optional.ofNullable(standings.get(customerId))
                .map(s -> CustomerTier.reconstitute(
                        customerId, s.tier(), s.since(), s.reviewAt(), s.heldUntil(), s.version()));
    }

    @Override
    public Optional<CustomerTier> lockedByCustomer(CustomerId customerId) {
        return byCustomer(customerId);
    }

    @Override
    public synchronized CustomerTier lockedOrStarted(CustomerId customerId, TierProgramme programme, Instant now) {
        standings.putIfAbsent(customerId, new Stored(programme.base().name(), now, null, null, 1));
        return byCustomer(customerId).orElseThrow();
    }

    @Override
    public synchronized void save(CustomerTier standing) {
        Stored stored = standings.get(standing.customerId());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != standing.version()) {
            throw new ConcurrentUpdateException("the tier of " + standing.customerId() + " was changed meanwhile");
        }
        standings.put(
                standing.customerId(),
                new Stored(
                        standing.tierName(),
                        standing.since().orElse(null),
                        standing.reviewAt().orElse(null),
                        standing.heldUntil().orElse(null),
                        storedVersion + 1));
    }

    /** For the review fake: a guarded change as the database's conditional UPDATE does it. */
    synchronized boolean saveIfVersion(CustomerTier standing, long expected) {
        Stored stored = standings.get(standing.customerId());
        if ((stored == null ? 0 : stored.version()) != expected) {
            return false;
        }
        standings.put(
                standing.customerId(),
                new Stored(
                        standing.tierName(),
                        standing.since().orElse(null),
                        standing.reviewAt().orElse(null),
                        standing.heldUntil().orElse(null),
                        expected + 1));
        return true;
    }

    synchronized List<CustomerId> customers() {
        return List.copyOf(standings.keySet());
    }

    @Override
    public synchronized void record(TierHistoryEntry entry) {
        history.add(entry);
    }

    @Override
    public synchronized List<TierHistoryEntry> history(CustomerId customerId, int limit) {
        List<TierHistoryEntry> own = new ArrayList<>(
                history.stream().filter(e -> e.customerId().equals(customerId)).toList());
        Collections.reverse(own);
        return own.stream().limit(limit).toList();
    }
}
