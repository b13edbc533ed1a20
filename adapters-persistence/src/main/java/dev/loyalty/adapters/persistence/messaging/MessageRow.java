package dev.loyalty.adapters.persistence.messaging;

import dev.loyalty.adapters.persistence.UtcTimes;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One row of the {@code message} table as the database holds it: names and ids as text, times as
 * UTC wall-clock time, placeholder values form-encoded, {@code null} where a value is absent. The
 * outbox is written and read in native SQL (claims lock with {@code SKIP LOCKED}, a repeated cause
 * is an {@code INSERT IGNORE}), so this record stands where a JPA entity would; {@link MessageMapper}
 * translates it to and from the {@link dev.loyalty.domain.messaging.Message} aggregate.
 */
record MessageRow(
        String id,
        String customerId,
        String cause,
        String requestedChannel,
        String channel,
        String kind,
        int priority,
        String template,
        String templateValues,
        String storeId,
        String status,
        String reason,
        int attempts,
        int leases,
        LocalDateTime nextAttemptAt,
        LocalDateTime countedAt,
        String providerId,
        LocalDateTime createdAt,
        LocalDateTime sentAt) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "id, customer_id, cause, requested_channel, channel, kind, priority,"
            + " template, template_values, store_id, status, reason, attempts, leases, next_attempt_at, counted_at,"
            + " provider_id, created_at, sent_at";

    /** @return the row of a {@code SELECT} of {@link #COLUMNS}, as the JDBC driver gave it */
    static MessageRow read(Object[] c) {
        return new MessageRow(
                (String) c[0],
                (String) c[1],
                (String) c[2],
                (String) c[3],
                (String) c[4],
                (String) c[5],
                ((Number) c[6]).intValue(),
                (String) c[7],
                (String) c[8],
                (String) c[9],
                (String) c[10],
                (String) c[11],
                ((Number) c[12]).intValue(),
                ((Number) c[13]).intValue(),
                time(c[14]),
                time(c[15]),
                (String) c[16],
                time(c[17]),
                time(c[18]));
    }

    /** @return the values of {@link #COLUMNS}, in their order (for an {@code INSERT}) */
    Object[] values() {
        return new Object[] {
            id,
            customerId,
            cause,
            requestedChannel,
            channel,
            kind,
            priority,
            template,
            templateValues,
            storeId,
            status,
            reason,
            attempts,
            leases,
            nextAttemptAt,
            countedAt,
            providerId,
            createdAt,
            sentAt
        };
    }

    /** @return a DATETIME column as the driver gives it ({@link Timestamp} or {@link LocalDateTime}) */
    static LocalDateTime time(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (column instanceof LocalDateTime time) {
            return time;
        }
        throw new IllegalStateException(
                "not a date and time: " + column.getClass().getName());
    }

    /** @return the instant of a UTC wall-clock column value read by {@link #time} */
    static Instant instant(Object column) {
        return UtcTimes.instant(time(column));
    }
}
