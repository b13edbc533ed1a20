package dev.loyalty.adapters.persistence.purchase;

import dev.loyalty.domain.purchase.PurchaseId;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * The purchases appended in the current JTA transaction, so that upkeep later in the same
 * transaction (the customer metrics) knows a purchase is new - never reversed, its lines all kept -
 * without reading it back. Outside a transaction, or without a registry (tests outside the
 * container), nothing is remembered and every purchase counts as not new.
 */
public final class AppendedPurchases {

    private static final Object KEY = new Object();

    private AppendedPurchases() {}

    /** Remembers that {@code id} was appended in the current transaction. */
    static void appended(TransactionSynchronizationRegistry transactions, PurchaseId id) {
        if (!active(transactions)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> ids = (Set<String>) transactions.getResource(KEY);
        if (ids == null) {
            ids = new HashSet<>();
            transactions.putResource(KEY, ids);
        }
        ids.add(id.toString());
    }

    /** Whether {@code id} was appended in the current transaction (and so has no reversal yet). */
    public static boolean appendedNow(TransactionSynchronizationRegistry transactions, PurchaseId id) {
        if (!active(transactions)) {
            return false;
        }
        Object ids = transactions.getResource(KEY);
        return ids instanceof Set<?> set && set.contains(id.toString());
    }

    private static boolean active(TransactionSynchronizationRegistry transactions) {
        return transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }
}
