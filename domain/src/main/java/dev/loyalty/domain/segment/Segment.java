package dev.loyalty.domain.segment;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved segment: a name (unique, 1-200 characters) and a condition, with the count of its last
 * evaluation. Changing the condition or the name moves the version on.
 */
public final class Segment {

    public static final int MAX_NAME = 200;

    private final SegmentId id;
    private final String name;
    private final Condition condition;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Optional<Evaluated> lastEvaluation;

    private Segment(
            SegmentId id,
            String name,
            Condition condition,
            long version,
            Instant createdAt,
            Instant updatedAt,
            Optional<Evaluated> lastEvaluation) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name(name);
        this.condition = Objects.requireNonNull(condition, "condition");
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.lastEvaluation = Objects.requireNonNull(lastEvaluation, "lastEvaluation");
    }

    /** A new segment, version 1, never evaluated. */
    public static Segment define(SegmentId id, String name, Condition condition, Instant now) {
        return new Segment(id, name, condition, 1, now, now, Optional.empty());
    }

    /** A segment as stored. */
    public static Segment reconstitute(
            SegmentId id,
            String name,
            Condition condition,
            long version,
            Instant createdAt,
            Instant updatedAt,
            Optional<Evaluated> lastEvaluation) {
        return new Segment(id, name, condition, version, createdAt, updatedAt, lastEvaluation);
    }

    /** @return this segment with a new name and condition, the next version */
    public Segment change(String newName, Condition newCondition, Instant now) {
        return new Segment(id, newName, newCondition, version + 1, createdAt, now, lastEvaluation);
    }

    /** @return this segment counted {@code count} at {@code at} */
    public Segment evaluated(long count, Instant at) {
        return new Segment(id, name, condition, version, createdAt, updatedAt, Optional.of(new Evaluated(count, at)));
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidValueException("name", "a segment's name is 1 to " + MAX_NAME + " characters");
        }
        return name;
    }

    public SegmentId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Condition condition() {
        return condition;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the count and instant of the last evaluation, if any */
    public Optional<Evaluated> lastEvaluation() {
        return lastEvaluation;
    }

    /**
     * One evaluation's result.
     *
     * @param count the members then
     * @param at when
     */
    public record Evaluated(long count, Instant at) {}
}
