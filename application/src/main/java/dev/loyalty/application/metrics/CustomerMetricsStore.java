package dev.loyalty.application.metrics;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.PurchaseId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Driven port: the customer metrics, computed set-based from the purchases (never customer by
 * customer in the caller), in the caller's transaction. A purchase counts for the metrics with what
 * is left of it after its reversals; a receipt is a visit while some of it is still paid.
 */
public interface CustomerMetricsStore {

    /**
     * Recomputes the customers' purchase metrics, category rows and RFM scores (by the cut points
     * of the last rebuild), as of {@code now}. With a purchase, only that purchase's SKUs get their
     * last purchase recomputed (a live purchase or a reversal changes no other); without, all of
     * the customers' SKUs.
     */
    void refresh(
            Collection<CustomerId> customers, Optional<PurchaseId> purchase, Instant now, MetricsDefinition definition);

    /**
     * Marks the customer's metrics due for recomputation (a purchase or reversal changed them), in
     * the caller's transaction: one upsert that also takes back any claim on the customer, so a
     * claimer that read the purchases before this commit does not clear the mark.
     */
    void markDue(CustomerId customer, Instant now);

    /**
     * Claims up to {@code limit} due customers (by id) for {@code claim} until {@code now + lease}.
     * Without {@code markedBy}: those nobody holds or whose claim lapsed (the background worker);
     * with it: every one marked at or before it that this claim does not hold yet, taken over from
     * any other claimer (a reader that needs them current). Neither takes the marks a running
     * import holds (its customers' history is still growing; they are released when it ends).
     *
     * @return the customers now held by {@code claim}
     */
    List<CustomerId> claimDue(UUID claim, Instant now, Duration lease, Optional<Instant> markedBy, int limit);

    /**
     * Claims the customer for {@code claim} if it is due, whoever held it.
     *
     * @return whether the customer was due
     */
    boolean claimDue(UUID claim, CustomerId customer, Instant now, Duration lease);

    /**
     * Locks the customers' marks (those still there), in customer order, before a recomputation of
     * them: whoever recomputes takes a customer's mark before its metrics rows, as a reaction that
     * settles its customer does (it claims the mark, then recomputes). A recomputation that locked
     * the rows first and the marks at its release deadlocked with such a reaction.
     */
    void lockDue(Collection<CustomerId> customers);

    /** Deletes the marks {@code claim} still holds (a purchase since took its mark back). */
    void releaseDue(UUID claim);

    /** Recomputes the customer's engagement score over its events in the window ending at {@code now}. */
    void refreshEngagement(CustomerId customer, Instant now, MetricsDefinition definition);

    /**
     * Adds each gain to its customer's engagement score (a row made at {@code now} if the customer
     * has none), in the caller's transaction, the customers' rows taken in the order of their ids
     * (in one statement where the store can); a gain about a message that was suppressed adds
     * nothing. Incremental: an event that leaves the window is taken off by the next rebuild.
     */
    void addEngagement(List<EngagementGain> gains, Instant now);

    /**
     * Takes the cluster's rebuild lease, unless another instance holds it or, with {@code
     * notRebuiltSince}, a rebuild started at or after that instant already ran.
     *
     * @return whether this caller now holds the lease until {@code now + lease}
     */
    boolean claimRebuild(Instant now, Optional<Instant> notRebuiltSince, Duration lease);

    /** The active customers as of {@code now} and their RFM cut points ({@code NTILE(5)}). */
    ActivePopulation population(Instant now, MetricsDefinition definition);

    /**
     * Rebuilds the next {@code size} customers (by id) after {@code after}, keeping rows a live
     * update computed after {@code start}, and renews the lease of the rebuild started at
     * {@code start}.
     *
     * @return the last customer of the batch; empty when no customer was left
     * @throws MetricsRebuildRunningException when the lease was lost to another rebuild
     */
    Optional<String> rebuildBatch(
            Instant start,
            Optional<String> after,
            int size,
            RfmCuts cuts,
            MetricsDefinition definition,
            Duration lease);

    /** Records the finished rebuild, its cut points (used by live updates from now on), and releases the lease. */
    void finishRebuild(RebuildOutcome outcome, MetricsDefinition definition);

    /** Releases the lease of a rebuild that failed (the last finished one stays in force). */
    void abandonRebuild(Instant start);

    Optional<CustomerMetrics> metrics(CustomerId customer);

    /**
     * The customers' average baskets as {@link #metrics} gives them (a campaign chunk's personal
     * offers), in one read where the store can.
     *
     * @return per customer that has metrics, its average basket in cents
     */
    default java.util.Map<CustomerId, Long> averageBaskets(Collection<CustomerId> customers) {
        java.util.Map<CustomerId, Long> found = new java.util.HashMap<>();
        for (CustomerId customer : customers) {
            metrics(customer).ifPresent(m -> found.put(customer, m.averageBasket()));
        }
        return found;
    }

    /** @return the customer's categories, largest spend in the window first */
    List<CategoryMetric> categories(CustomerId customer);

    /** @return the customer's SKUs, most recently bought first */
    List<SkuPurchase> lastPurchases(CustomerId customer, int limit);
}
