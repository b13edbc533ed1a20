package dev.loyalty.domain.wallet;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.Points;

/**
 * Something that happened to a {@link Wallet}; the closed set of wallet events. Each names the
 * ledger entry it wrote ({@link #sequence()}) and the balance right after it.
 * {@link #aggregateId()} is the customer id.
 */
public sealed interface WalletEvent extends DomainEvent
        permits PointsEarned, PointsBurned, PointsExpired, PointsReversed, PointsAdjusted {

    /** @return the customer whose wallet it is */
    CustomerId customerId();

    /** @return the sequence of the ledger entry written */
    long sequence();

    /** @return the balance right after the entry */
    Points balanceAfter();

    @Override
    default String aggregateId() {
        return customerId().toString();
    }
}
