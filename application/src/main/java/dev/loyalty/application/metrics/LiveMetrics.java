package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.PurchaseId;

/**
 * What keeps a customer's metrics current, called in the transaction of what changed them: a
 * purchase or its reversal (which marks the customer due, see {@link CurrentMetrics}), a customer
 * event (which may weigh on engagement).
 */
public interface LiveMetrics {

    /** For callers (and tests) without metrics. */
    LiveMetrics NONE = new LiveMetrics() {
        @Override
        public void afterPurchase(CustomerId customer, PurchaseId purchase) {}

        @Override
        public void afterEvent(CustomerId customer, String type) {}
    };

    /** After a purchase of the customer was recorded or reversed. */
    void afterPurchase(CustomerId customer, PurchaseId purchase);

    /** After an event of the customer was taken in. */
    void afterEvent(CustomerId customer, String type);

    /** After a batch of events was taken in: each customer's new event types. */
    default void afterEvents(java.util.Map<CustomerId, java.util.Set<String>> typesByCustomer) {
        typesByCustomer.forEach((customer, types) -> types.forEach(type -> afterEvent(customer, type)));
    }
}
