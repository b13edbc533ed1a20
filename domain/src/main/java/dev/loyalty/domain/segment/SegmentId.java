package dev.loyalty.domain.segment;

import java.util.UUID;

/**
 * Identity of a segment.
 *
 * @param value the UUID
 */
public record SegmentId(UUID value) {

    /** Validates that the UUID is present. */
    public SegmentId {
        if (value == null) {
            throw new SegmentNotFoundException("segmentId is required");
        }
    }

    /** @return a fresh random identity */
    public static SegmentId newId() {
        return new SegmentId(UUID.randomUUID());
    }

    /**
     * @param raw a segment id as text
     * @return the identity
     * @throws SegmentNotFoundException when it is not a UUID (no segment can have it)
     */
    public static SegmentId parse(String raw) {
        try {
            return new SegmentId(UUID.fromString(raw == null ? "" : raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new SegmentNotFoundException("no segment has this id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
