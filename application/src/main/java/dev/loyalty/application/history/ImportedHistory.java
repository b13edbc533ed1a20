package dev.loyalty.application.history;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.PurchaseId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Driven port: where imported receipts go, beside the live purchases, in the caller's transaction. */
public interface ImportedHistory {

    /**
     * @param keys customer references as files give them: card numbers, customer ids, e-mails, phones
     * @return the customers found, by the reference that found them (unknown ones are absent)
     */
    Map<String, CustomerId> customers(Collection<String> keys);

    /** @return the keys ({@link ImportedReceipt#key()}) of those receipts already recorded */
    Set<String> existing(Collection<ImportedReceipt> receipts);

    /**
     * Appends receipts as {@code IMPORT} purchases with their lines, and adds each known
     * customer's net spend and points to their monthly qualifying activity.
     */
    void append(List<Resolved> receipts, String currency, Instant recordedAt);

    /**
     * A receipt to append with its customer (null: anonymous) and the points it awards.
     */
    record Resolved(PurchaseId id, ImportedReceipt receipt, CustomerId customer, long points) {}
}
