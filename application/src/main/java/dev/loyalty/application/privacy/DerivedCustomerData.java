package dev.loyalty.application.privacy;

import dev.loyalty.domain.customer.CustomerId;

/**
 * Driven port: what the programme computed about a customer rather than was told (metrics per
 * customer, category and SKU; memberships of segment snapshots). Erasure forgets it: it is
 * profiling, and a nightly rebuild would only recompute it from purchases that name nobody.
 */
@FunctionalInterface
public interface DerivedCustomerData {

    /**
     * Deletes everything computed about the customer.
     *
     * @param customerId the customer
     */
    void forget(CustomerId customerId);
}
