package dev.loyalty.application.tier;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.TierProgramme;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the customers' stored standings in the tier programme and the history of their
 * changes. A customer without a stored standing is in the programme's first tier. Writers of one
 * customer's standing hold that customer's wallet lock first (purchases, overrides), except the
 * review, which guards each change on the version it read.
 */
public interface CustomerTiers {

    /** @return the stored standing, read without lock */
    Optional<CustomerTier> byCustomer(CustomerId customerId);

    /** @return the stored standing, locked until the transaction ends; empty when none is stored */
    Optional<CustomerTier> lockedByCustomer(CustomerId customerId);

    /**
     * The stored standing, locked until the transaction ends; stored first in the programme's
     * first tier (since {@code now}) when there was none, so that writers queue on it.
     */
    CustomerTier lockedOrStarted(CustomerId customerId, TierProgramme programme, Instant now);

    /**
     * Stores a changed standing read at its version.
     *
     * @throws dev.loyalty.domain.shared.ConcurrentUpdateException when it changed since
     */
    void save(CustomerTier standing);

    /** Appends an entry to the customer's tier history. */
    void record(TierHistoryEntry entry);

    /** @return the customer's tier history, newest first, at most {@code limit} entries */
    List<TierHistoryEntry> history(CustomerId customerId, int limit);
}
