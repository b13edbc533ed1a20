package dev.loyalty.application.segment;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.segment.Segment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What rules and campaigns ask of segments: who is in a snapshot, is this customer in that segment. */
public interface SegmentMembership extends SegmentCheck {

    /**
     * @return the members of a snapshot after {@code afterId} (by id, "" for the first page), at most
     *     {@code limit}
     * @throws dev.loyalty.domain.segment.SegmentNotFoundException for an unknown snapshot
     */
    List<CustomerSummary> snapshotMembers(UUID snapshotId, String afterId, int limit);

    /** @return the saved segments the customer is in at {@code now}, by name */
    List<Segment> segmentsOf(CustomerId customer, Instant now);
}
