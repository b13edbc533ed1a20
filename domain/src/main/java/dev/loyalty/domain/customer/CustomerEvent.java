package dev.loyalty.domain.customer;

import dev.loyalty.domain.shared.DomainEvent;

/**
 * Something that happened to a {@link Customer}; the closed set of customer events.
 * {@link #aggregateId()} is the customer id.
 */
public sealed interface CustomerEvent extends DomainEvent
        permits CustomerEnrolled, CustomerProfileUpdated, ConsentChanged, CustomerErased {

    /**
     * @return the customer it happened to
     */
    CustomerId customerId();

    @Override
    default String aggregateId() {
        return customerId().toString();
    }
}
