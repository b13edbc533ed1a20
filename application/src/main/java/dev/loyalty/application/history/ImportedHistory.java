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
     * Marks these customers' metrics due, held by the import: the metrics' worker and the reads
     * that settle due customers leave them until {@link #releaseDue} (a customer marked again by a
     * live purchase meanwhile is the worker's again, and marked again by the import's next batch).
     */
    void markDue(ImportId importId, Collection<CustomerId> customers, Instant now);

    /** Hands the customers the import marked due to the metrics' worker, as marked {@code now}. */
    void releaseDue(ImportId importId, Instant now);

    /**
     * A receipt to append with its customer (null: anonymous), the points it awards and each line's
     * exact share of them, in millionths of a point (what a reversal of the line takes back).
     *
     * @param lineMillionths one per line of the receipt, in its order; empty when it earns nothing
     */
    record Resolved(
            PurchaseId id, ImportedReceipt receipt, CustomerId customer, long points, List<Long> lineMillionths) {

        /** Validates that the shares, when given, are one per line. */
        public Resolved {
            lineMillionths = List.copyOf(lineMillionths);
            if (!lineMillionths.isEmpty()
                    && lineMillionths.size() != receipt.lines().size()) {
                throw new IllegalArgumentException("one share per line: " + lineMillionths.size() + " for "
                        + receipt.lines().size() + " lines");
            }
        }

        /** @return the exact points, in millionths, the line at this index earned */
        public long millionthsOfLine(int index) {
            return lineMillionths.isEmpty() ? 0 : lineMillionths.get(index);
        }
    }
}
