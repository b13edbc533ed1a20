package dev.loyalty.application.checkout;

import dev.loyalty.application.account.Customers;
import dev.loyalty.domain.customer.CustomerId;
import java.util.Optional;

/**
 * What a purchase asks before it locks anything, in one read: whether the customer it names exists,
 * whether its store's receipt is recorded already, and whether anything waits to be printed at the
 * till for that customer (the till is asked for the blocks only then). Each purchase asked these in
 * a statement of its own.
 */
@FunctionalInterface
public interface PurchaseChecks {

    /**
     * @param customer the customer named (by id, or the card's holder), if any
     * @param storeId the store
     * @param receiptId its receipt id, if any
     * @return the answers, as of this read
     */
    Checked check(Optional<CustomerId> customer, String storeId, Optional<String> receiptId);

    /**
     * @param customerKnown the customer named exists (false when none is named)
     * @param receiptRecorded the store's receipt is recorded already (false without receipt id)
     * @param printWaiting something may wait to be printed at a till for the customer: never false
     *     when a message was waiting at the time of the read
     */
    record Checked(boolean customerKnown, boolean receiptRecorded, boolean printWaiting) {}

    /** The checks asked of the ports one by one, the till always asked (tests, and stores without one read). */
    public static PurchaseChecks of(Customers customers, Purchases purchases) {
        return (customer, storeId, receiptId) -> new Checked(
                customer.map(customers::exists).orElse(false),
                receiptId.map(receipt -> purchases.exists(storeId, receipt)).orElse(false),
                true);
    }
}
