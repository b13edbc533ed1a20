package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;

/**
 * Driving port: bringing the metrics of the customers a purchase or reversal marked due up to
 * date - in batches by each instance's worker just after the purchases commit, and first by the
 * readers that need them current (a profile, a segment's evaluation, a campaign run).
 */
public interface CurrentMetrics {

    /** For callers (and tests) without metrics. */
    CurrentMetrics NONE = new CurrentMetrics() {
        @Override
        public int catchUp(int limit) {
            return 0;
        }

        @Override
        public void settle() {}

        @Override
        public void settle(CustomerId customer) {}

        @Override
        public void settleWithin(CustomerId customer) {}
    };

    /**
     * Recomputes up to {@code limit} due customers no other worker holds, in transactions of their
     * own.
     *
     * @return how many were claimed (0: nothing due)
     */
    int catchUp(int limit);

    /**
     * Recomputes every customer marked due before this call, taking them over from any worker, in
     * transactions of their own (call it before a set-based read of the metrics).
     */
    void settle();

    /** Recomputes the customer if marked due, in a transaction of its own. */
    void settle(CustomerId customer);

    /**
     * Recomputes the customer if marked due and nobody else holds the mark, in the caller's
     * transaction (its own when there is none): for a caller holding the customer's wallet (a
     * reaction), which a transaction of its own would wait on across two connections, unseen by
     * the database's deadlock detection - every wait of this one is on the caller's connection.
     * Holding the wallet, the caller keeps the customer's purchases (which take the wallet before
     * the mark) out until it commits.
     */
    void settleWithin(CustomerId customer);
}
