package dev.loyalty.application.segment;

import dev.loyalty.domain.segment.SegmentId;
import java.time.Instant;
import java.util.UUID;

/**
 * A segment's membership frozen at an instant, with the condition (canonical JSON) it was taken by.
 *
 * @param id the snapshot
 * @param segmentId its segment
 * @param takenAt when
 * @param members how many customers it holds
 * @param definition the segment's condition then
 */
public record Snapshot(UUID id, SegmentId segmentId, Instant takenAt, long members, String definition) {}
