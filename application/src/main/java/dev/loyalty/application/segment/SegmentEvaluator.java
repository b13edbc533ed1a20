package dev.loyalty.application.segment;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.segment.Condition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Evaluates a condition over every customer at once (one query, never customer by customer). The
 * condition given has no {@code inSegment} left (the service expands them). Erased customers are
 * never members.
 */
public interface SegmentEvaluator {

    /** @return how many customers meet the condition at {@code now} */
    long count(Condition condition, Instant now);

    /** @return up to {@code limit} members after {@code afterId} (by id; "" for the first page) */
    List<CustomerSummary> members(Condition condition, Instant now, String afterId, int limit);

    /** @return whether the customer meets the condition at {@code now} */
    boolean contains(Condition condition, Instant now, CustomerId customer);

    /**
     * Records the snapshot and freezes its members (one INSERT ... SELECT).
     *
     * @return the members frozen
     */
    long freeze(UUID snapshotId, Snapshot description, Condition condition);

    /**
     * Records a snapshot of no saved segment (a campaign's own condition) and freezes its members.
     *
     * @return the members frozen
     */
    long freezeCondition(UUID snapshotId, Instant takenAt, String definition, Condition condition);

    /** @return up to {@code limit} members of a snapshot after {@code afterId} (erased customers left out) */
    List<CustomerSummary> snapshotMembers(UUID snapshotId, String afterId, int limit);
}
