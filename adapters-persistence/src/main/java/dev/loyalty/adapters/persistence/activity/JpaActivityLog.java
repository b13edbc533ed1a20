package dev.loyalty.adapters.persistence.activity;

import static dev.loyalty.adapters.persistence.sql.NativeRows.instant;
import static dev.loyalty.adapters.persistence.sql.NativeRows.number;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.activity.DueActivity;
import dev.loyalty.application.activity.KeptActivity;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customers' events in {@code customer_event}. An event id is unique per source, case-sensitive
 * (INSERT IGNORE: a retry adds nothing); a row is due while {@code react_due_at} is set, and claimed with {@code FOR UPDATE
 * SKIP LOCKED} so that several instances share the work without waiting on one another.
 */
@ApplicationScoped
public class JpaActivityLog implements ActivityLog {

    private static final String COLUMNS =
            "id, event_id, type, source, customer_id, prospect_email, prospect_phone, store_id, occurred_at,"
                    + " received_at, attributes, react_attempts";

    private static final String INSERT = "INSERT IGNORE INTO customer_event (event_id, type, source, customer_id,"
            + " prospect_email, prospect_phone, store_id, occurred_at, received_at, attributes, react_due_at) VALUES ";

    /** The most events one statement inserts (11 values each). */
    private static final int APPEND_CHUNK = 500;

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaActivityLog() {}

    /** For tests outside the container. */
    public JpaActivityLog(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean append(RecordedActivity activity) {
        return em.createNativeQuery(
                                "INSERT IGNORE INTO customer_event (event_id, type, source, customer_id, prospect_email,"
                                        + " prospect_phone, store_id, occurred_at, received_at, attributes, react_due_at)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .setParameter(1, activity.eventId())
                        .setParameter(2, activity.type().value())
                        .setParameter(3, activity.source().name())
                        .setParameter(
                                4,
                                activity.customerId().map(CustomerId::toString).orElse(null))
                        .setParameter(
                                5, activity.prospectEmail().map(Email::value).orElse(null))
                        .setParameter(
                                6,
                                activity.prospectPhone().map(PhoneNumber::value).orElse(null))
                        .setParameter(7, activity.storeId())
                        .setParameter(8, UtcTimes.utc(activity.occurredAt()))
                        .setParameter(9, UtcTimes.utc(activity.receivedAt()))
                        .setParameter(10, NativeRows.toJson(activity.attributes()))
                        .setParameter(
                                11, activity.customerId().isPresent() ? UtcTimes.utc(activity.receivedAt()) : null)
                        .executeUpdate()
                == 1;
    }

    /**
     * One {@code INSERT IGNORE ... SELECT} from the customer's row: no row is kept when the id was
     * taken or the customer does not exist (a read that the intake made in a statement of its own).
     */
    @Override
    public boolean appendIfCustomerExists(RecordedActivity activity) {
        String customer = activity.customerId().orElseThrow().toString();
        return em.createNativeQuery("INSERT IGNORE INTO customer_event (event_id, type, source, customer_id,"
                                + " prospect_email, prospect_phone, store_id, occurred_at, received_at, attributes,"
                                + " react_due_at) SELECT ?, ?, ?, c.id, NULL, NULL, ?, ?, ?, ?, ? FROM customer c"
                                + " WHERE c.id = ?")
                        .setParameter(1, activity.eventId())
                        .setParameter(2, activity.type().value())
                        .setParameter(3, activity.source().name())
                        .setParameter(4, activity.storeId())
                        .setParameter(5, UtcTimes.utc(activity.occurredAt()))
                        .setParameter(6, UtcTimes.utc(activity.receivedAt()))
                        .setParameter(7, NativeRows.toJson(activity.attributes()))
                        .setParameter(8, UtcTimes.utc(activity.receivedAt()))
                        .setParameter(9, customer)
                        .executeUpdate()
                == 1;
    }

    /**
     * The events in one multi-row {@code INSERT IGNORE} on the transaction's connection. When it
     * inserted fewer rows than it sent, an event id was kept before (or by a concurrent batch): the
     * ones this call kept are then read back as those carrying its reception time.
     */
    @Override
    public List<Boolean> appendAll(List<RecordedActivity> activities) {
        Connection connection = activities.size() > 1 ? NativeInsert.connection(em) : null;
        if (connection == null) {
            return ActivityLog.super.appendAll(activities);
        }
        List<Boolean> appended = new ArrayList<>(Collections.nCopies(activities.size(), Boolean.FALSE));
        // a repeat within the list is a duplicate of its first occurrence
        Map<String, Integer> firsts = new LinkedHashMap<>();
        for (int i = 0; i < activities.size(); i++) {
            RecordedActivity activity = activities.get(i);
            firsts.putIfAbsent(activity.source().name() + ' ' + activity.eventId(), i);
        }
        List<Integer> fresh = new ArrayList<>(firsts.values());
        try {
            for (int from = 0; from < fresh.size(); from += APPEND_CHUNK) {
                List<Integer> chunk = fresh.subList(from, Math.min(fresh.size(), from + APPEND_CHUNK));
                int inserted =
                        insert(connection, chunk.stream().map(activities::get).toList());
                if (inserted == chunk.size()) {
                    chunk.forEach(i -> appended.set(i, Boolean.TRUE));
                } else {
                    markOurs(connection, activities, chunk, appended);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        return appended;
    }

    private static int insert(Connection connection, List<RecordedActivity> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                INSERT + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))) {
            int p = 0;
            for (RecordedActivity activity : rows) {
                insert.setString(++p, activity.eventId());
                insert.setString(++p, activity.type().value());
                insert.setString(++p, activity.source().name());
                insert.setString(
                        ++p, activity.customerId().map(CustomerId::toString).orElse(null));
                insert.setString(++p, activity.prospectEmail().map(Email::value).orElse(null));
                insert.setString(
                        ++p, activity.prospectPhone().map(PhoneNumber::value).orElse(null));
                insert.setString(++p, activity.storeId());
                insert.setObject(++p, UtcTimes.utc(activity.occurredAt()));
                insert.setObject(++p, UtcTimes.utc(activity.receivedAt()));
                insert.setString(++p, NativeRows.toJson(activity.attributes()));
                insert.setObject(++p, activity.customerId().isPresent() ? UtcTimes.utc(activity.receivedAt()) : null);
            }
            return insert.executeUpdate();
        }
    }

    /** Marks those of the chunk's events that this call's insert kept: its source and reception time. */
    private static void markOurs(
            Connection connection, List<RecordedActivity> activities, List<Integer> chunk, List<Boolean> appended)
            throws SQLException {
        for (int i : chunk) {
            RecordedActivity activity = activities.get(i);
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT 1 FROM customer_event" + " WHERE source = ? AND event_id = ? AND received_at = ?")) {
                read.setString(1, activity.source().name());
                read.setString(2, activity.eventId());
                read.setObject(3, UtcTimes.utc(activity.receivedAt()));
                try (ResultSet rows = read.executeQuery()) {
                    appended.set(i, rows.next());
                }
            }
        }
    }

    @Override
    public Optional<RecordedActivity> byEventId(EventSource source, String eventId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM customer_event WHERE source = ? AND event_id = ?")
                .setParameter(1, source.name())
                .setParameter(2, eventId)
                .getResultList();
        return rows.stream().findFirst().map(row -> recorded((Object[]) row));
    }

    @Override
    public int attachProspects(
            CustomerId customerId, Optional<Email> email, Optional<PhoneNumber> phone, Instant dueAt) {
        if (email.isEmpty() && phone.isEmpty()) {
            return 0;
        }
        // the contact now lives with the customer (and goes with an erasure), not in the events
        return em.createNativeQuery("UPDATE customer_event SET customer_id = ?, react_due_at = ?,"
                        + " prospect_email = NULL, prospect_phone = NULL"
                        + " WHERE customer_id IS NULL AND (prospect_email = ? OR prospect_phone = ?)")
                .setParameter(1, customerId.toString())
                .setParameter(2, UtcTimes.utc(dueAt))
                .setParameter(3, email.map(Email::value).orElse(null))
                .setParameter(4, phone.map(PhoneNumber::value).orElse(null))
                .executeUpdate();
    }

    @Override
    public List<KeptActivity> latestOf(CustomerId customerId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + ", react_due_at IS NOT NULL"
                        + " FROM customer_event WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?")
                .setParameter(1, customerId.toString())
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(row -> new KeptActivity(number(row[0]), recorded(row), number(row[12]) != 0))
                .toList();
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        List<?> ids = em.createNativeQuery(
                        "SELECT id FROM customer_event WHERE react_due_at <= ? ORDER BY react_due_at, id LIMIT ?")
                .setParameter(1, UtcTimes.utc(now))
                .setParameter(2, limit)
                .getResultList();
        return ids.stream().map(NativeRows::number).toList();
    }

    @Override
    public List<DueRow> dueRows(Instant now, int limit) {
        List<?> rows = em.createNativeQuery("SELECT id, customer_id FROM customer_event WHERE react_due_at <= ?"
                        + " ORDER BY react_due_at, id LIMIT ?")
                .setParameter(1, UtcTimes.utc(now))
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(row -> new DueRow(number(row[0]), CustomerId.parse((String) row[1])))
                .toList();
    }

    /**
     * The share's condition is computed on the covering index {@code (react_due_at, customer_id)}:
     * the scan reads the due rows in order without visiting the table and stops at {@code limit}.
     */
    @Override
    public List<DueRow> dueRows(Instant now, int limit, int share, int shares) {
        if (shares <= 1) {
            return dueRows(now, limit);
        }
        List<?> rows = em.createNativeQuery("SELECT id, customer_id FROM customer_event WHERE react_due_at <= ?"
                        + " AND MOD(CRC32(customer_id), ?) = ? ORDER BY react_due_at, id LIMIT ?")
                .setParameter(1, UtcTimes.utc(now))
                .setParameter(2, shares)
                .setParameter(3, share)
                .setParameter(4, limit)
                .getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(row -> new DueRow(number(row[0]), CustomerId.parse((String) row[1])))
                .toList();
    }

    /**
     * Two statements: the lock (a locking read of primary keys: record locks only, no gap locks that
     * would hold up new events), then the check for an older due row of the same customer. The check
     * reads what was committed after the lock was taken (READ COMMITTED, the service's isolation):
     * an older row still held by another transaction is due there, so this one waits its turn.
     */
    @Override
    public List<DueActivity> claimHeads(List<Long> rowIds, Instant now) {
        if (rowIds.isEmpty()) {
            return List.of();
        }
        String ids = rowIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<?> locked = em.createNativeQuery("SELECT " + COLUMNS + " FROM customer_event WHERE id IN (" + ids
                        + ") AND react_due_at <= ? ORDER BY id FOR UPDATE SKIP LOCKED")
                .setParameter(1, UtcTimes.utc(now))
                .getResultList();
        if (locked.isEmpty()) {
            return List.of();
        }
        String lockedIds = locked.stream()
                .map(raw -> String.valueOf(number(((Object[]) raw)[0])))
                .collect(Collectors.joining(","));
        // older: earlier in the due order, as dueRows gives it (a row retried later comes later)
        List<?> older = em.createNativeQuery("SELECT DISTINCT e.id FROM customer_event e JOIN customer_event o"
                        + " ON o.customer_id = e.customer_id AND o.react_due_at <= ? AND o.id <> e.id"
                        + " AND (o.react_due_at < e.react_due_at OR (o.react_due_at = e.react_due_at AND o.id < e.id))"
                        + " WHERE e.id IN (" + lockedIds + ")")
                .setParameter(1, UtcTimes.utc(now))
                .getResultList();
        Set<Long> behind = older.stream().map(NativeRows::number).collect(Collectors.toSet());
        return locked.stream()
                .map(raw -> (Object[]) raw)
                .filter(row -> !behind.contains(number(row[0])))
                .map(JpaActivityLog::due)
                .toList();
    }

    @Override
    public void reacted(List<Long> rowIds) {
        if (rowIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("UPDATE customer_event SET react_due_at = NULL, react_error = NULL WHERE id IN ("
                        + rowIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")
                .executeUpdate();
    }

    @Override
    public Optional<DueActivity> claim(long rowId) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS
                        + " FROM customer_event WHERE id = ? AND react_due_at IS NOT NULL FOR UPDATE SKIP LOCKED")
                .setParameter(1, rowId)
                .getResultList();
        return rows.stream().findFirst().map(raw -> due((Object[]) raw));
    }

    private static DueActivity due(Object[] row) {
        RecordedActivity recorded = recorded(row);
        Activity activity = new Activity(
                recorded.eventId(),
                recorded.type(),
                recorded.customerId().orElseThrow(),
                recorded.storeId(),
                recorded.occurredAt(),
                recorded.attributes(),
                recorded.source());
        return new DueActivity(number(row[0]), activity, (int) number(row[11]));
    }

    @Override
    public void reacted(long rowId) {
        em.createNativeQuery("UPDATE customer_event SET react_due_at = NULL, react_error = NULL WHERE id = ?")
                .setParameter(1, rowId)
                .executeUpdate();
    }

    @Override
    public void failed(long rowId, Optional<Instant> retryAt, String error) {
        em.createNativeQuery("UPDATE customer_event SET react_due_at = ?, react_attempts = react_attempts + 1,"
                        + " react_error = ? WHERE id = ?")
                .setParameter(1, UtcTimes.utc(retryAt.orElse(null)))
                .setParameter(2, error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(3, rowId)
                .executeUpdate();
    }

    @Override
    public List<ParkedActivity> parked(int limit) {
        List<?> rows = em.createNativeQuery("SELECT event_id, type, customer_id, react_attempts, react_error"
                        + " FROM customer_event WHERE react_due_at IS NULL AND react_error IS NOT NULL"
                        + " ORDER BY id DESC LIMIT ?")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(row -> new ParkedActivity(
                        (String) row[0], (String) row[1], (String) row[2], (int) number(row[3]), (String) row[4]))
                .toList();
    }

    @Override
    public boolean retry(String eventId, Instant dueAt) {
        return em.createNativeQuery("UPDATE customer_event SET react_due_at = ?, react_attempts = 0"
                                + " WHERE event_id = ? AND react_due_at IS NULL AND react_error IS NOT NULL"
                                + " AND customer_id IS NOT NULL")
                        .setParameter(1, UtcTimes.utc(dueAt))
                        .setParameter(2, eventId)
                        .executeUpdate()
                >= 1;
    }

    private static RecordedActivity recorded(Object[] row) {
        return new RecordedActivity(
                (String) row[1],
                new EventType((String) row[2]),
                EventSource.valueOf((String) row[3]),
                Optional.ofNullable((String) row[4]).map(CustomerId::parse),
                Optional.ofNullable((String) row[5]).map(Email::new),
                Optional.ofNullable((String) row[6]).map(PhoneNumber::new),
                (String) row[7],
                instant(row[8]),
                instant(row[9]),
                NativeRows.attributes((String) row[10]));
    }
}
