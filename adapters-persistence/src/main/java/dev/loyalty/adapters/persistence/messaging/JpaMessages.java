package dev.loyalty.adapters.persistence.messaging;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.application.messaging.Messages;
import dev.loyalty.application.messaging.StatusChange;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The outbox in MariaDB, in native SQL: claims are {@code SELECT ... FOR UPDATE SKIP LOCKED} in
 * the order of the due index (so that a claim locks only the rows it takes and concurrent relays
 * take different ones), followed by the lease update; a cause already queued is an
 * {@code INSERT IGNORE} that inserts nothing. A message is written and read as its
 * {@link MessageRow}, through {@link MessageMapper}.
 */
@ApplicationScoped
public class JpaMessages implements Messages {

    private static final String COLUMNS = MessageRow.COLUMNS;

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    protected JpaMessages() {}

    /** For tests outside the container. */
    public JpaMessages(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public boolean add(Message message, StatusChange first) {
        MessageRow row = MessageMapper.toRow(message);
        Query insert = em.createNativeQuery("INSERT IGNORE INTO message (" + COLUMNS + ", updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 1, values[i]);
        }
        int inserted = insert.setParameter(values.length + 1, row.createdAt()).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        append(message.id(), first);
        return true;
    }

    /**
     * One {@code INSERT IGNORE} of all the rows (on the transaction's connection, in statements of
     * up to {@value #ROWS_PER_INSERT} rows), then the ids that are there - a message whose cause was
     * queued before is not, its id being new - then the first status lines of each of those, in
     * their order, in one multi-row INSERT.
     */
    @Override
    public java.util.Set<UUID> addAll(List<Message> messages, List<List<StatusChange>> histories) {
        if (messages.size() != histories.size()) {
            throw new IllegalArgumentException(messages.size() + " messages, " + histories.size() + " histories");
        }
        java.sql.Connection connection = messages.size() > 1 ? NativeInsert.connection(em) : null;
        if (connection == null) {
            return Messages.super.addAll(messages, histories);
        }
        java.util.Set<UUID> stored = new java.util.HashSet<>();
        try {
            for (int from = 0; from < messages.size(); from += ROWS_PER_INSERT) {
                List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + ROWS_PER_INSERT));
                StringBuilder sql =
                        new StringBuilder("INSERT IGNORE INTO message (" + COLUMNS + ", updated_at) VALUES ");
                int width = 0;
                List<Object[]> rows = new ArrayList<>(chunk.size());
                for (Message message : chunk) {
                    MessageRow row = MessageMapper.toRow(message);
                    Object[] values = row.values();
                    Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
                    all[values.length] = row.createdAt();
                    rows.add(all);
                    width = all.length;
                }
                String placeholders = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
                sql.append(String.join(", ", java.util.Collections.nCopies(rows.size(), placeholders)));
                int inserted;
                try (java.sql.PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                    int position = 0;
                    for (Object[] row : rows) {
                        for (Object value : row) {
                            insert.setObject(++position, value);
                        }
                    }
                    inserted = insert.executeUpdate();
                }
                if (inserted == chunk.size()) {
                    chunk.forEach(m -> stored.add(m.id()));
                } else if (inserted > 0) {
                    try (java.sql.PreparedStatement there =
                            connection.prepareStatement("SELECT id FROM message WHERE id IN ("
                                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                        for (int i = 0; i < chunk.size(); i++) {
                            there.setString(i + 1, chunk.get(i).id().toString());
                        }
                        try (java.sql.ResultSet ids = there.executeQuery()) {
                            while (ids.next()) {
                                stored.add(UUID.fromString(ids.getString(1)));
                            }
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new jakarta.persistence.PersistenceException(e);
        }
        List<Object[]> lines = new ArrayList<>(stored.size());
        for (int i = 0; i < messages.size(); i++) {
            UUID id = messages.get(i).id();
            if (stored.contains(id)) {
                for (StatusChange change : histories.get(i)) {
                    lines.add(
                            new Object[] {id.toString(), change.status(), change.detail(), UtcTimes.utc(change.at())});
                }
            }
        }
        STATUS.rows(em, lines);
        return stored;
    }

    /** Messages per {@code INSERT} of {@link #addAll}. */
    static final int ROWS_PER_INSERT = 500;

    private static final NativeInsert STATUS =
            new NativeInsert("message_status", "message_id", "status", "detail", "occurred_at");

    @Override
    public List<Claim> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<?> rows = em.createNativeQuery("SELECT id, leases FROM message WHERE status = 'QUEUED'"
                        + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, UtcTimes.utc(now))
                .setParameter(2, limit)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Claim> claims = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            claims.add(new Claim(UUID.fromString((String) columns[0]), ((Number) columns[1]).intValue() + 1));
        }
        String ids = claims.stream().map(c -> "'" + c.id() + "'").collect(Collectors.joining(","));
        em.createNativeQuery("UPDATE message SET next_attempt_at = ?, leases = leases + 1, updated_at = ?"
                        + " WHERE id IN (" + ids + ")")
                .setParameter(1, UtcTimes.utc(leaseUntil))
                .setParameter(2, UtcTimes.utc(now))
                .executeUpdate();
        return claims;
    }

    @Override
    public Optional<Message> lockedById(UUID id) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE id = ? FOR UPDATE")
                .setParameter(1, id.toString()));
    }

    /** One {@code SELECT ... FOR UPDATE} of all of them. */
    @Override
    public java.util.Map<UUID, Message> lockedByIds(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, Message> found = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<UUID> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
        Query query = em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(distinct.size(), "?")) + ") FOR UPDATE");
        for (int i = 0; i < distinct.size(); i++) {
            query.setParameter(i + 1, distinct.get(i).toString());
        }
        for (Message message : many(query)) {
            found.put(message.id(), message);
        }
        return found;
    }

    @Override
    public Optional<Message> byId(UUID id) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE id = ?")
                .setParameter(1, id.toString()));
    }

    @Override
    public Optional<Message> lockedByProviderId(String providerId) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE provider_id = ? LIMIT 1 FOR UPDATE")
                .setParameter(1, providerId));
    }

    private static final String SAVE = "UPDATE message SET channel = ?, status = ?, reason = ?, attempts = ?,"
            + " next_attempt_at = ?, counted_at = ?, provider_id = ?, sent_at = ?, updated_at = ? WHERE id = ?";

    @Override
    public void save(Message message) {
        MessageRow row = MessageMapper.toRow(message);
        em.createNativeQuery(SAVE)
                .setParameter(1, row.channel())
                .setParameter(2, row.status())
                .setParameter(3, row.reason())
                .setParameter(4, row.attempts())
                .setParameter(5, row.nextAttemptAt())
                .setParameter(6, row.countedAt())
                .setParameter(7, row.providerId())
                .setParameter(8, row.sentAt())
                .setParameter(9, UtcTimes.utc(clock.instant()))
                .setParameter(10, row.id())
                .executeUpdate();
    }

    /** One JDBC batch of the updates on the transaction's connection (one {@link #save} each without one). */
    @Override
    public void saveAll(List<Message> messages) {
        java.sql.Connection connection = messages.size() > 1 ? NativeInsert.connection(em) : null;
        if (connection == null) {
            messages.forEach(this::save);
            return;
        }
        java.time.LocalDateTime now = UtcTimes.utc(clock.instant());
        try (java.sql.PreparedStatement update = connection.prepareStatement(SAVE)) {
            for (Message message : messages) {
                MessageRow row = MessageMapper.toRow(message);
                update.setObject(1, row.channel());
                update.setObject(2, row.status());
                update.setObject(3, row.reason());
                update.setObject(4, row.attempts());
                update.setObject(5, row.nextAttemptAt());
                update.setObject(6, row.countedAt());
                update.setObject(7, row.providerId());
                update.setObject(8, row.sentAt());
                update.setObject(9, now);
                update.setObject(10, row.id());
                update.addBatch();
            }
            update.executeBatch();
        } catch (java.sql.SQLException e) {
            throw new jakarta.persistence.PersistenceException(e);
        }
    }

    /** One multi-row {@code INSERT} of the lines. */
    @Override
    public void appendAll(List<Line> lines) {
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (Line line : lines) {
            rows.add(new Object[] {
                line.id().toString(),
                line.change().status(),
                line.change().detail(),
                UtcTimes.utc(line.change().at())
            });
        }
        STATUS.rows(em, rows);
    }

    @Override
    public void append(UUID id, StatusChange change) {
        em.createNativeQuery("INSERT INTO message_status (message_id, status, detail, occurred_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, id.toString())
                .setParameter(2, change.status())
                .setParameter(3, change.detail())
                .setParameter(4, UtcTimes.utc(change.at()))
                .executeUpdate();
    }

    @Override
    public List<StatusChange> history(UUID id) {
        List<?> rows = em.createNativeQuery(
                        "SELECT status, detail, occurred_at FROM message_status WHERE message_id = ? ORDER BY id")
                .setParameter(1, id.toString())
                .getResultList();
        List<StatusChange> history = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            history.add(new StatusChange((String) c[0], (String) c[1], instant(c[2])));
        }
        return history;
    }

    @Override
    public void lockPressure(CustomerId customer) {
        em.createNativeQuery("SELECT id FROM customer WHERE id = ? FOR UPDATE")
                .setParameter(1, customer.toString())
                .getResultList();
    }

    /** One {@code SELECT ... FOR UPDATE} of the customers' rows (InnoDB takes them in the key's order). */
    @Override
    public void lockPressure(java.util.Collection<CustomerId> customers) {
        List<String> ids =
                customers.stream().map(CustomerId::toString).distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            Query lock = em.createNativeQuery("SELECT id FROM customer WHERE id IN ("
                    + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ") ORDER BY id FOR UPDATE");
            for (int i = 0; i < part.size(); i++) {
                lock.setParameter(i + 1, part.get(i));
            }
            lock.getResultList();
        }
    }

    /** Values per {@code IN} list of the set reads (EclipseLink looks positional parameters up in a list). */
    private static final int IN_LIST = 500;

    /**
     * One read of the customers' marketing messages that count ({@code counted_at} after the bound,
     * not lost) or wait (queued, not counted, due by the bound): two ranges of the pressure index
     * per customer, as {@link #countedSince} and {@link #waitingWithHigherPriority} read one
     * customer's (not every marketing message a customer ever had).
     */
    @Override
    public List<Marketing> pressureOf(java.util.Collection<CustomerId> customers, Instant countedAfter, Instant dueBy) {
        List<String> ids =
                customers.stream().map(CustomerId::toString).distinct().toList();
        List<Marketing> found = new ArrayList<>();
        String columns = "SELECT id, customer_id, status, priority, channel, requested_channel, next_attempt_at,"
                + " counted_at FROM message WHERE customer_id IN (";
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String in = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            Query read = em.createNativeQuery(columns + in + ") AND kind = 'MARKETING' AND counted_at > ?"
                    + " AND status NOT IN ('FAILED', 'SUPPRESSED') UNION ALL " + columns + in
                    + ") AND kind = 'MARKETING' AND counted_at IS NULL AND status = 'QUEUED' AND next_attempt_at <= ?");
            int position = 0;
            for (String id : part) {
                read.setParameter(++position, id);
            }
            read.setParameter(++position, UtcTimes.utc(countedAfter));
            for (String id : part) {
                read.setParameter(++position, id);
            }
            read.setParameter(++position, UtcTimes.utc(dueBy));
            for (Object row : read.getResultList()) {
                Object[] c = (Object[]) row;
                found.add(new Marketing(
                        UUID.fromString((String) c[0]),
                        CustomerId.parse((String) c[1]),
                        MessageStatus.valueOf((String) c[2]),
                        ((Number) c[3]).intValue(),
                        Optional.ofNullable((String) c[4]).map(Channel::valueOf),
                        Optional.ofNullable((String) c[5]).map(Channel::valueOf),
                        instant(c[6]),
                        Optional.ofNullable(c[7]).map(JpaMessages::instant)));
            }
        }
        return found;
    }

    @Override
    public List<MarketingPressurePolicy.Counted> countedSince(CustomerId customer, Instant since) {
        List<?> rows = em.createNativeQuery("SELECT counted_at, channel FROM message WHERE customer_id = ?"
                        + " AND kind = 'MARKETING' AND counted_at > ? AND status NOT IN ('FAILED', 'SUPPRESSED')")
                .setParameter(1, customer.toString())
                .setParameter(2, UtcTimes.utc(since))
                .getResultList();
        List<MarketingPressurePolicy.Counted> counted = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            counted.add(new MarketingPressurePolicy.Counted(instant(c[0]), Channel.valueOf((String) c[1])));
        }
        return counted;
    }

    @Override
    public List<Channel> waitingWithHigherPriority(CustomerId customer, UUID excluding, int priority, Instant horizon) {
        List<?> rows = em.createNativeQuery("SELECT COALESCE(channel, requested_channel) FROM message"
                        + " WHERE customer_id = ? AND kind = 'MARKETING' AND status = 'QUEUED' AND counted_at IS NULL"
                        + " AND priority > ? AND next_attempt_at <= ? AND id <> ?")
                .setParameter(1, customer.toString())
                .setParameter(2, priority)
                .setParameter(3, UtcTimes.utc(horizon))
                .setParameter(4, excluding.toString())
                .getResultList();
        List<Channel> channels = new ArrayList<>();
        for (Object row : rows) {
            // a message without a channel yet is counted against the overall caps only
            channels.add(row == null ? Channel.PRINT_AT_TILL : Channel.valueOf((String) row));
        }
        return channels;
    }

    @Override
    public List<Message> ofCustomer(CustomerId customer, int limit) {
        return many(em.createNativeQuery("SELECT " + COLUMNS
                        + " FROM message WHERE customer_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .setParameter(1, customer.toString())
                .setParameter(2, limit));
    }

    @Override
    public List<Message> withStatus(MessageStatus status, int limit) {
        return many(em.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM message WHERE status = ? ORDER BY created_at DESC, id LIMIT ?")
                .setParameter(1, status.name())
                .setParameter(2, limit));
    }

    @Override
    public List<Message> sentNotDelivered(CustomerId customer, Channel channel) {
        return many(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE customer_id = ? AND channel = ?"
                        + " AND status = 'SENT' ORDER BY created_at, id")
                .setParameter(1, customer.toString())
                .setParameter(2, channel.name()));
    }

    @Override
    public List<Message> callList(String storeId, int limit) {
        return many(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE store_id = ?"
                        + " AND channel = 'STAFF_CALL' AND status = 'SENT' ORDER BY created_at, id LIMIT ?")
                .setParameter(1, storeId)
                .setParameter(2, limit));
    }

    private Optional<Message> one(Query query) {
        return many(query).stream().findFirst();
    }

    private static List<Message> many(Query query) {
        List<Message> messages = new ArrayList<>();
        for (Object row : query.getResultList()) {
            messages.add(MessageMapper.toDomain(MessageRow.read((Object[]) row)));
        }
        return messages;
    }

    private static Instant instant(Object column) {
        return MessageRow.instant(column);
    }
}
