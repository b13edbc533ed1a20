package dev.loyalty.application.segment;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.segment.Segment;
import dev.loyalty.domain.segment.SegmentId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The console's segments (admin only). Conditions arrive as the language's JSON text. */
public interface SegmentUseCases extends SegmentMembership {

    /** The sample a preview shows. */
    int SAMPLE = 20;

    /** @return the count and a sample of who meets the condition now */
    Preview preview(String condition, Actor actor);

    /** Saves a new segment and counts it. */
    Segment define(String name, String condition, Actor actor);

    /** Changes a segment's name and condition and counts it again. */
    Segment change(SegmentId id, String name, String condition, Actor actor);

    List<Segment> segments(Actor actor);

    Segment segment(SegmentId id, Actor actor);

    /** Freezes the segment's membership now. */
    Snapshot snapshot(SegmentId id, Actor actor);

    List<Snapshot> snapshots(SegmentId id, Actor actor);

    /** @return a page of members now, or of a snapshot of the segment */
    List<CustomerSummary> members(SegmentId id, Optional<UUID> snapshot, String afterId, int limit, Actor actor);

    /**
     * A preview's result.
     *
     * @param count how many customers meet the condition
     * @param sample the first of them by id, at most {@link #SAMPLE}
     */
    record Preview(long count, List<CustomerSummary> sample) {}
}
