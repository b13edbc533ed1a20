package dev.loyalty.domain.campaign;

import dev.loyalty.domain.segment.Condition;
import dev.loyalty.domain.segment.SegmentId;

/** Whom a CALENDAR or PERSONAL_OFFER campaign aims at: a saved segment, or a condition of its own. */
public sealed interface Audience {

    /** @param segment the saved segment, snapshotted at each run's instant */
    record OfSegment(SegmentId segment) implements Audience {}

    /** @param condition a condition in the segments' language, evaluated at each run's instant */
    record OfCondition(Condition condition) implements Audience {}
}
