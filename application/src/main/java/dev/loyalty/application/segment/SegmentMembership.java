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

    /**
     * Freezes a saved segment's members now (a campaign run's audience).
     *
     * @throws dev.loyalty.domain.segment.SegmentNotFoundException for an unknown segment
     */
    Frozen freeze(dev.loyalty.domain.segment.SegmentId segment);

    /** Freezes who meets a condition now, in a snapshot of no saved segment (a campaign's own audience). */
    Frozen freeze(dev.loyalty.domain.segment.Condition condition);

    /** @return up to {@code limit} members of any snapshot after {@code afterId} (erased customers left out) */
    List<CustomerSummary> frozenMembers(UUID snapshotId, String afterId, int limit);

    /**
     * A snapshot taken.
     *
     * @param snapshotId the snapshot
     * @param members how many customers it holds
     */
    record Frozen(UUID snapshotId, long members) {}
}
