package dev.loyalty.adapters.web.segment;

import dev.loyalty.application.segment.CustomerSummary;
import dev.loyalty.application.segment.SegmentUseCases;
import dev.loyalty.application.segment.Snapshot;
import dev.loyalty.domain.segment.Segment;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** What the segment endpoints answer. */
public final class SegmentViews {

    private SegmentViews() {}

    /**
     * A saved segment.
     *
     * @param segmentId its id
     * @param name its name
     * @param condition its condition (canonical form)
     * @param version moves on with each change
     * @param createdAt when defined
     * @param updatedAt when last changed
     * @param count the members at its last evaluation
     * @param evaluatedAt when it was last evaluated (on save, change and snapshot)
     */
    public record SegmentView(
            String segmentId,
            String name,
            JsonObject condition,
            long version,
            Instant createdAt,
            Instant updatedAt,
            Long count,
            Instant evaluatedAt) {

        static SegmentView of(Segment s) {
            return new SegmentView(
                    s.id().toString(),
                    s.name(),
                    SegmentBody.json(s.condition().toJson()),
                    s.version(),
                    s.createdAt(),
                    s.updatedAt(),
                    s.lastEvaluation().map(Segment.Evaluated::count).orElse(null),
                    s.lastEvaluation().map(Segment.Evaluated::at).orElse(null));
        }
    }

    /** Every segment, by name. */
    public record SegmentList(List<SegmentView> items) {}

    /**
     * A member.
     *
     * @param customerId the customer
     * @param cardNumber the card
     * @param firstName first name
     * @param lastName last name, if known
     * @param enrolledAt when enrolled
     */
    public record MemberView(
            String customerId, String cardNumber, String firstName, String lastName, Instant enrolledAt) {

        static MemberView of(CustomerSummary c) {
            return new MemberView(
                    c.customerId().toString(),
                    c.cardNumber(),
                    c.firstName(),
                    c.lastName().orElse(null),
                    c.enrolledAt());
        }
    }

    /**
     * A preview.
     *
     * @param count how many customers meet the condition now
     * @param sample the first of them by id (at most 20)
     */
    public record PreviewView(long count, List<MemberView> sample) {

        static PreviewView of(SegmentUseCases.Preview p) {
            return new PreviewView(
                    p.count(), p.sample().stream().map(MemberView::of).toList());
        }
    }

    /**
     * A page of members.
     *
     * @param items the members, by id
     * @param next the {@code after} of the next page, absent on the last
     */
    public record MemberPage(List<MemberView> items, String next) {}

    /**
     * A snapshot.
     *
     * @param snapshotId its id
     * @param segmentId its segment
     * @param takenAt when
     * @param members how many
     * @param condition the segment's condition then
     */
    public record SnapshotView(
            String snapshotId, String segmentId, Instant takenAt, long members, JsonObject condition) {

        static SnapshotView of(Snapshot s) {
            return new SnapshotView(
                    s.id().toString(),
                    s.segmentId().toString(),
                    s.takenAt(),
                    s.members(),
                    SegmentBody.json(s.definition()));
        }
    }

    /** A segment's snapshots, newest first. */
    public record SnapshotList(List<SnapshotView> items) {}
}
