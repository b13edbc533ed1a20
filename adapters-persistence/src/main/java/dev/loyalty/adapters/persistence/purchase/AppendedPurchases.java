package dev.loyalty.adapters.persistence.purchase;

import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseId;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The purchases appended in the current JTA transaction, so that upkeep later in the same
 * transaction (the customer metrics) knows a purchase is new - never reversed, its lines all kept -
 * and has its lines without reading them back. Outside a transaction, or without a registry (tests outside the
 * container), nothing is remembered and every purchase counts as not new.
 */
public final class AppendedPurchases {

    private static final Object KEY = new Object();

    private AppendedPurchases() {}

    /** Remembers that {@code purchase} was appended in the current transaction. */
    static void appended(TransactionSynchronizationRegistry transactions, Purchase purchase) {
        if (!active(transactions)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<PurchaseId, Purchase> appended = (Map<PurchaseId, Purchase>) transactions.getResource(KEY);
        if (appended == null) {
            appended = new HashMap<>();
            transactions.putResource(KEY, appended);
        }
        appended.put(purchase.id(), purchase);
    }

    /** The purchase {@code id} as appended in the current transaction (so without any reversal); else empty. */
    public static Optional<Purchase> appendedNow(TransactionSynchronizationRegistry transactions, PurchaseId id) {
        if (!active(transactions)) {
            return Optional.empty();
        }
        return transactions.getResource(KEY) instanceof Map<?, ?> appended
                        && appended.get(id) instanceof Purchase purchase
                ? Optional.of(purchase)
                : Optional.empty();
    }

    private static boolean active(TransactionSynchronizationRegistry transactions) {
        return transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }
}
