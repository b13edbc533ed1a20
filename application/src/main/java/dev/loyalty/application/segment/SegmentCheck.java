package dev.loyalty.application.segment;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.segment.SegmentId;
import java.time.Instant;

/** Is this customer in that saved segment now (by one query with the customer's id)? */
@FunctionalInterface
public interface SegmentCheck {

    /**
     * @return whether the customer is in the segment by its condition at {@code now} (false for a
     *     segment that does not exist)
     */
    boolean isMember(CustomerId customer, SegmentId segment, Instant now);
}
