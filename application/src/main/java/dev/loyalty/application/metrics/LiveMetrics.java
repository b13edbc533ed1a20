package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.PurchaseId;
import java.util.List;

/**
 * What keeps a customer's metrics current, called in the transaction of what changed them: a
 * purchase or its reversal (which marks the customer due, see {@link CurrentMetrics}), a customer
 * event (which may add its weight to the engagement score).
 */
public interface LiveMetrics {

    /** For callers (and tests) without metrics. */
    LiveMetrics NONE = new LiveMetrics() {
        @Override
        public void afterPurchase(CustomerId customer, PurchaseId purchase) {}

        @Override
        public void afterEvents(List<TakenEvent> events) {}
    };

    /** After a purchase of the customer was recorded or reversed. */
    void afterPurchase(CustomerId customer, PurchaseId purchase);

    /** After an event of a customer was taken in. */
    default void afterEvent(TakenEvent event) {
        afterEvents(List.of(event));
    }

    /** After events of customers were taken in (a batch), in one go. */
    void afterEvents(List<TakenEvent> events);

    /** After events taken in earlier (a prospect's, by e-mail or phone) became the customer's. */
    default void afterEventsAttached(CustomerId customer) {}
}
