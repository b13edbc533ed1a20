package dev.loyalty.adapters.persistence.messaging;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.messaging.Messages;
import dev.loyalty.application.messaging.OutboxMessage;
import dev.loyalty.application.messaging.StatusChange;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
import dev.loyalty.domain.messaging.MessageKind;
import dev.loyalty.domain.messaging.MessageStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The outbox in MariaDB, in native SQL: claims are {@code SELECT ... FOR UPDATE SKIP LOCKED} in
 * the order of the due index (so that a claim locks only the rows it takes and concurrent relays
 * take different ones), followed by the lease update; a cause already queued is an
 * {@code INSERT IGNORE} that inserts nothing. Placeholder values are kept form-encoded.
 */
@ApplicationScoped
public class JpaMessages implements Messages {

    private static final String COLUMNS = "id, customer_id, cause, requested_channel, channel, kind, priority,"
            + " template, template_values, store_id, status, reason, attempts, leases, next_attempt_at, counted_at,"
            + " provider_id, created_at, sent_at";

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
    public boolean add(OutboxMessage m, StatusChange first) {
        int inserted = em.createNativeQuery("INSERT IGNORE INTO message (" + COLUMNS + ", updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, m.id().toString())
                .setParameter(2, m.customerId().toString())
                .setParameter(3, m.cause())
                .setParameter(4, m.requestedChannel().map(Enum::name).orElse(null))
                .setParameter(5, m.channel().map(Enum::name).orElse(null))
                .setParameter(6, m.kind().name())
                .setParameter(7, m.priority())
                .setParameter(8, m.template())
                .setParameter(9, encode(m.values()))
                .setParameter(10, m.storeId().orElse(null))
                .setParameter(11, m.status().name())
                .setParameter(12, m.reason().orElse(null))
                .setParameter(13, m.attempts())
                .setParameter(14, m.leases())
                .setParameter(15, UtcTimes.utc(m.nextAttemptAt()))
                .setParameter(16, m.countedAt().map(UtcTimes::utc).orElse(null))
                .setParameter(17, m.providerId().orElse(null))
                .setParameter(18, UtcTimes.utc(m.createdAt()))
                .setParameter(19, m.sentAt().map(UtcTimes::utc).orElse(null))
                .setParameter(20, UtcTimes.utc(m.createdAt()))
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        append(m.id(), first);
        return true;
    }

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
    public Optional<OutboxMessage> lockedById(UUID id) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE id = ? FOR UPDATE")
                .setParameter(1, id.toString()));
    }

    @Override
    public Optional<OutboxMessage> byId(UUID id) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE id = ?")
                .setParameter(1, id.toString()));
    }

    @Override
    public Optional<OutboxMessage> lockedByProviderId(String providerId) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE provider_id = ? LIMIT 1 FOR UPDATE")
                .setParameter(1, providerId));
    }

    @Override
    public void save(OutboxMessage m) {
        em.createNativeQuery("UPDATE message SET channel = ?, status = ?, reason = ?, attempts = ?,"
                        + " next_attempt_at = ?, counted_at = ?, provider_id = ?, sent_at = ?, updated_at = ?"
                        + " WHERE id = ?")
                .setParameter(1, m.channel().map(Enum::name).orElse(null))
                .setParameter(2, m.status().name())
                .setParameter(3, m.reason().orElse(null))
                .setParameter(4, m.attempts())
                .setParameter(5, UtcTimes.utc(m.nextAttemptAt()))
                .setParameter(6, m.countedAt().map(UtcTimes::utc).orElse(null))
                .setParameter(7, m.providerId().orElse(null))
                .setParameter(8, m.sentAt().map(UtcTimes::utc).orElse(null))
                .setParameter(9, UtcTimes.utc(clock.instant()))
                .setParameter(10, m.id().toString())
                .executeUpdate();
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
    public List<OutboxMessage> ofCustomer(CustomerId customer, int limit) {
        return many(em.createNativeQuery("SELECT " + COLUMNS
                        + " FROM message WHERE customer_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .setParameter(1, customer.toString())
                .setParameter(2, limit));
    }

    @Override
    public List<OutboxMessage> withStatus(MessageStatus status, int limit) {
        return many(em.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM message WHERE status = ? ORDER BY created_at DESC, id LIMIT ?")
                .setParameter(1, status.name())
                .setParameter(2, limit));
    }

    @Override
    public List<OutboxMessage> sentNotDelivered(CustomerId customer, Channel channel) {
        return many(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE customer_id = ? AND channel = ?"
                        + " AND status = 'SENT' ORDER BY created_at, id")
                .setParameter(1, customer.toString())
                .setParameter(2, channel.name()));
    }

    @Override
    public List<OutboxMessage> callList(String storeId, int limit) {
        return many(em.createNativeQuery("SELECT " + COLUMNS + " FROM message WHERE store_id = ?"
                        + " AND channel = 'STAFF_CALL' AND status = 'SENT' ORDER BY created_at, id LIMIT ?")
                .setParameter(1, storeId)
                .setParameter(2, limit));
    }

    private Optional<OutboxMessage> one(Query query) {
        return many(query).stream().findFirst();
    }

    private static List<OutboxMessage> many(Query query) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (Object row : query.getResultList()) {
            messages.add(map((Object[]) row));
        }
        return messages;
    }

    private static OutboxMessage map(Object[] c) {
        return new OutboxMessage(
                UUID.fromString((String) c[0]),
                new CustomerId(UUID.fromString((String) c[1])),
                (String) c[2],
                Optional.ofNullable((String) c[3]).map(Channel::valueOf),
                Optional.ofNullable((String) c[4]).map(Channel::valueOf),
                MessageKind.valueOf((String) c[5]),
                ((Number) c[6]).intValue(),
                (String) c[7],
                decode((String) c[8]),
                Optional.ofNullable((String) c[9]),
                MessageStatus.valueOf((String) c[10]),
                Optional.ofNullable((String) c[11]),
                ((Number) c[12]).intValue(),
                ((Number) c[13]).intValue(),
                instant(c[14]),
                Optional.ofNullable(instant(c[15])),
                Optional.ofNullable((String) c[16]),
                instant(c[17]),
                Optional.ofNullable(instant(c[18])));
    }

    private static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp timestamp) {
            return UtcTimes.instant(timestamp.toLocalDateTime());
        }
        if (column instanceof LocalDateTime time) {
            return UtcTimes.instant(time);
        }
        throw new IllegalStateException(
                "not a date and time: " + column.getClass().getName());
    }

    /** {@code a=1&b=2}, URL-encoded, in key order. */
    static String encode(Map<String, String> values) {
        return new TreeMap<>(values)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> values = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
