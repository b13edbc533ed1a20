package dev.loyalty.application.segment;

import dev.loyalty.domain.segment.Segment;
import dev.loyalty.domain.segment.SegmentId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The saved segments and their snapshots' descriptions. */
public interface Segments {

    Optional<Segment> byId(SegmentId id);

    /** @return every segment, by name */
    List<Segment> all();

    /**
     * Adds a new segment or replaces a stored one (by id).
     *
     * @throws dev.loyalty.domain.segment.SegmentNameTakenException when another segment has its name
     */
    void save(Segment segment);

    /** Records the count of an evaluation. */
    void evaluated(SegmentId id, long count, java.time.Instant at);

    /** @return a segment's snapshots, newest first */
    List<Snapshot> snapshots(SegmentId id);

    Optional<Snapshot> snapshot(UUID snapshotId);
}
