package dev.loyalty.application.segment;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.segment.SegmentId;
import java.time.Instant;

/** Is this customer in that saved segment now (by one query with the customer's id)? */
@FunctionalInterface
public interface SegmentCheck {

    /**
     * Asked by a reaction holding the customer's wallet: the customer's metrics, if marked due, are
     * brought up to date in the caller's transaction, never in one of its own that would wait on
     * locks across two connections (see {@code CurrentMetrics#settleWithin}).
     *
     * @return whether the customer is in the segment by its condition at {@code now} (false for a
     *     segment that does not exist)
     */
    boolean isMember(CustomerId customer, SegmentId segment, Instant now);
}
