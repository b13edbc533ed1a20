package dev.loyalty.adapters.persistence.segment;

import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.segment.CustomerSummary;
import dev.loyalty.application.segment.SegmentEvaluator;
import dev.loyalty.application.segment.Segments;
import dev.loyalty.application.segment.Snapshot;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.segment.Condition;
import dev.loyalty.domain.segment.ConditionParser;
import dev.loyalty.domain.segment.Segment;
import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.segment.SegmentNameTakenException;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Segments in {@code segment}, {@code segment_snapshot} and {@code segment_snapshot_member}, and
 * their evaluation: one native query per question, compiled by {@link SegmentSql}.
 */
@ApplicationScoped
public class SqlSegments implements Segments, SegmentEvaluator {

    private static final String SEGMENT_COLUMNS =
            "SELECT id, name, definition, version, created_at, updated_at, last_count, last_evaluated_at FROM segment";
    private static final String SUMMARY_COLUMNS = "c.id, c.card_number, c.first_name, c.last_name, c.enrolled_at";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlSegments() {}

    /** For tests outside the container. */
    public SqlSegments(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Segment> byId(SegmentId id) {
        List<Object[]> rows = em.createNativeQuery(SEGMENT_COLUMNS + " WHERE id = ?")
                .setParameter(1, id.toString())
                .getResultList();
        return rows.stream().findFirst().map(SqlSegments::segment);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Segment> all() {
        List<Object[]> rows = em.createNativeQuery(SEGMENT_COLUMNS + " ORDER BY name LIMIT 10000")
                .getResultList();
        return rows.stream().map(SqlSegments::segment).toList();
    }

    @Override
    public void save(Segment segment) {
        try {
            if (segment.version() == 1) {
                em.createNativeQuery(
                                "INSERT INTO segment (id, name, definition, last_count, last_evaluated_at, version,"
                                        + " created_at, updated_at) VALUES (?, ?, ?, NULL, NULL, 1, ?, ?)")
                        .setParameter(1, segment.id().toString())
                        .setParameter(2, segment.name())
                        .setParameter(3, segment.condition().toJson())
                        .setParameter(4, UtcTimes.utc(segment.createdAt()))
                        .setParameter(5, UtcTimes.utc(segment.updatedAt()))
                        .executeUpdate();
                return;
            }
            int updated = em.createNativeQuery(
                            "UPDATE segment SET name = ?, definition = ?, version = ?, updated_at = ?"
                                    + " WHERE id = ? AND version = ?")
                    .setParameter(1, segment.name())
                    .setParameter(2, segment.condition().toJson())
                    .setParameter(3, segment.version())
                    .setParameter(4, UtcTimes.utc(segment.updatedAt()))
                    .setParameter(5, segment.id().toString())
                    .setParameter(6, segment.version() - 1)
                    .executeUpdate();
            if (updated != 1) {
                throw new ConcurrentUpdateException();
            }
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).filter("uk_segment_name"::equals).isPresent()) {
                throw new SegmentNameTakenException();
            }
            throw e;
        }
    }

    @Override
    public void evaluated(SegmentId id, long count, Instant at) {
        em.createNativeQuery("UPDATE segment SET last_count = ?, last_evaluated_at = ? WHERE id = ?")
                .setParameter(1, count)
                .setParameter(2, UtcTimes.utc(at))
                .setParameter(3, id.toString())
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Snapshot> snapshots(SegmentId id) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, segment_id, taken_at, members, definition"
                        + " FROM segment_snapshot WHERE segment_id = ? ORDER BY taken_at DESC, id LIMIT 1000")
                .setParameter(1, id.toString())
                .getResultList();
        return rows.stream().map(SqlSegments::snapshot).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Snapshot> snapshot(UUID snapshotId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, segment_id, taken_at, members, definition FROM segment_snapshot WHERE id = ?")
                .setParameter(1, snapshotId.toString())
                .getResultList();
        return rows.stream().findFirst().map(SqlSegments::snapshot);
    }

    @Override
    public long count(Condition condition, Instant now) {
        SegmentSql sql = SegmentSql.compile(condition, now);
        return NativeRows.number(bind(
                        em.createNativeQuery("SELECT COUNT(*) FROM " + sql.from() + " WHERE " + sql.where()),
                        sql.parameters(),
                        1)
                .getSingleResult());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CustomerSummary> members(Condition condition, Instant now, String afterId, int limit) {
        SegmentSql sql = SegmentSql.compile(condition, now);
        Query query = em.createNativeQuery("SELECT " + SUMMARY_COLUMNS + " FROM " + sql.from() + " WHERE " + sql.where()
                + " AND c.id > ? ORDER BY c.id LIMIT " + Math.max(1, Math.min(limit, 10_000)));
        bind(query, sql.parameters(), 1).setParameter(sql.parameters().size() + 1, afterId);
        return ((List<Object[]>) query.getResultList())
                .stream().map(SqlSegments::summary).toList();
    }

    @Override
    public boolean contains(Condition condition, Instant now, CustomerId customer) {
        SegmentSql sql = SegmentSql.compileForOne(condition, now);
        Query query =
                em.createNativeQuery("SELECT COUNT(*) FROM " + sql.from() + " WHERE " + sql.where() + " AND c.id = ?");
        bind(query, sql.parameters(), 1).setParameter(sql.parameters().size() + 1, customer.toString());
        return NativeRows.number(query.getSingleResult()) > 0;
    }

    @Override
    public long freeze(UUID snapshotId, Snapshot description, Condition condition) {
        return freeze(
                snapshotId,
                description.segmentId().toString(),
                description.takenAt(),
                description.definition(),
                condition);
    }

    @Override
    public long freezeCondition(UUID snapshotId, Instant takenAt, String definition, Condition condition) {
        return freeze(snapshotId, null, takenAt, definition, condition);
    }

    private long freeze(UUID snapshotId, String segmentId, Instant takenAt, String definition, Condition condition) {
        em.createNativeQuery("INSERT INTO segment_snapshot (id, segment_id, taken_at, members, definition)"
                        + " VALUES (?, ?, ?, 0, ?)")
                .setParameter(1, snapshotId.toString())
                .setParameter(2, segmentId)
                .setParameter(3, UtcTimes.utc(takenAt))
                .setParameter(4, definition)
                .executeUpdate();
        SegmentSql sql = SegmentSql.compile(condition, takenAt);
        Query insert = em.createNativeQuery(
                "INSERT INTO segment_snapshot_member (snapshot_id, customer_id) SELECT ?, c.id FROM " + sql.from()
                        + " WHERE " + sql.where());
        insert.setParameter(1, snapshotId.toString());
        long members = bind(insert, sql.parameters(), 2).executeUpdate();
        em.createNativeQuery("UPDATE segment_snapshot SET members = ? WHERE id = ?")
                .setParameter(1, members)
                .setParameter(2, snapshotId.toString())
                .executeUpdate();
        return members;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CustomerSummary> snapshotMembers(UUID snapshotId, String afterId, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + SUMMARY_COLUMNS
                        + " FROM segment_snapshot_member s JOIN customer c ON c.id = s.customer_id"
                        + " WHERE s.snapshot_id = ? AND s.customer_id > ?"
                        + " AND NOT (c.first_name = ? AND c.email IS NULL AND c.phone IS NULL)"
                        + " ORDER BY s.customer_id LIMIT " + Math.max(1, Math.min(limit, 10_000)))
                .setParameter(1, snapshotId.toString())
                .setParameter(2, afterId)
                .setParameter(3, dev.loyalty.domain.customer.Customer.ERASED_NAME)
                .getResultList();
        return rows.stream().map(SqlSegments::summary).toList();
    }

    private static Query bind(Query query, List<Object> parameters, int first) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(first + i, parameters.get(i));
        }
        return query;
    }

    private static Segment segment(Object[] row) {
        Optional<Segment.Evaluated> evaluated = row[6] == null
                ? Optional.empty()
                : Optional.of(new Segment.Evaluated(NativeRows.number(row[6]), NativeRows.instant(row[7])));
        return Segment.reconstitute(
                SegmentId.parse(String.valueOf(row[0])),
                String.valueOf(row[1]),
                ConditionParser.parse(String.valueOf(row[2])),
                NativeRows.number(row[3]),
                NativeRows.instant(row[4]),
                NativeRows.instant(row[5]),
                evaluated);
    }

    private static Snapshot snapshot(Object[] row) {
        return new Snapshot(
                UUID.fromString(String.valueOf(row[0])),
                SegmentId.parse(String.valueOf(row[1])),
                NativeRows.instant(row[2]),
                NativeRows.number(row[3]),
                String.valueOf(row[4]));
    }

    private static CustomerSummary summary(Object[] row) {
        return new CustomerSummary(
                CustomerId.parse(String.valueOf(row[0])),
                String.valueOf(row[1]),
                String.valueOf(row[2]),
                Optional.ofNullable(row[3]).map(String::valueOf),
                NativeRows.instant(row[4]));
    }
}
