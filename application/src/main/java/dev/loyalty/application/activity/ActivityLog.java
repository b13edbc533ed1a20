package dev.loyalty.application.activity;

import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the customers' events, kept for good (the timeline reads them), each with a mark
 * while the rules and missions have still to react to it. Works in the caller's transaction.
 */
public interface ActivityLog {

    /**
     * Keeps an event; a known customer's is due for reactions at once, a prospect's waits for the
     * contact to enrol.
     *
     * @param activity the event
     * @return false when an event with this id is already kept (nothing changes)
     */
    boolean append(RecordedActivity activity);

    /**
     * Keeps a customer's event as {@link #append} does, if that customer exists: the intake's
     * check and its insert in one statement where the store can.
     *
     * @param activity a customer's event
     * @return false when an event with this id is already kept or no customer has the event's
     *     customer id (nothing changes; the caller tells which)
     */
    boolean appendIfCustomerExists(RecordedActivity activity);

    /**
     * Keeps events as {@link #append} does, in the caller's transaction (in one round trip where
     * the store can).
     *
     * @param activities the events
     * @return for each, in order, false when an event with its id was already kept (an earlier one
     *     of the same list included)
     */
    default java.util.List<Boolean> appendAll(java.util.List<RecordedActivity> activities) {
        java.util.List<Boolean> appended = new java.util.ArrayList<>();
        for (RecordedActivity activity : activities) {
            appended.add(append(activity));
        }
        return appended;
    }

    /**
     * @param source who sent it: an event id is its sender's, unique per source and case-sensitive
     * @param eventId an event id
     * @return the event kept under it, if any
     */
    Optional<RecordedActivity> byEventId(EventSource source, String eventId);

    /**
     * Gives a newly enrolled customer the prospect events of their e-mail or phone, due now.
     *
     * @return how many events were attached
     */
    int attachProspects(CustomerId customerId, Optional<Email> email, Optional<PhoneNumber> phone, Instant dueAt);

    /**
     * @param customerId a customer
     * @param limit how many
     * @return the customer's latest events by their own clock, newest first
     */
    List<KeptActivity> latestOf(CustomerId customerId, int limit);

    /**
     * @param now the clock
     * @param limit how many
     * @return rows due for reactions at {@code now}, oldest first (not locked)
     */
    List<Long> due(Instant now, int limit);

    /**
     * Locks one due row for the caller's transaction, skipping it when another transaction has it.
     *
     * @param rowId a row from {@link #due}
     * @return the event, when it is still due and was not taken by someone else
     */
    Optional<DueActivity> claim(long rowId);

    /** Marks a claimed row as reacted to (no longer due). */
    void reacted(long rowId);

    /** Marks claimed rows as reacted to (no longer due), in one go. */
    default void reacted(List<Long> rowIds) {
        rowIds.forEach(this::reacted);
    }

    /**
     * @param now the clock
     * @param limit how many
     * @return rows due for reactions at {@code now} with their customers, oldest first (not locked)
     */
    List<DueRow> dueRows(Instant now, int limit);

    /**
     * As {@link #dueRows(Instant, int)}, only the rows of the customers of one share: those whose id
     * has {@link #shareOf} {@code share}, so that the workers of an instance each read their own
     * customers' rows instead of all of them.
     *
     * @param share which share, from 0 to {@code shares - 1}
     * @param shares how many shares the customers are split into (1: all)
     */
    default List<DueRow> dueRows(Instant now, int limit, int share, int shares) {
        if (shares <= 1) {
            return dueRows(now, limit);
        }
        return dueRows(now, limit * shares).stream()
                .filter(row -> shareOf(row.customerId(), shares) == share)
                .limit(limit)
                .toList();
    }

    /**
     * The share a customer's events belong to: the CRC-32 of the id's text modulo {@code shares},
     * as MariaDB's {@code MOD(CRC32(customer_id), shares)} computes it.
     *
     * @param shares at least 1
     * @return from 0 to {@code shares - 1}
     */
    static int shareOf(CustomerId customerId, int shares) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(customerId.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return (int) (crc.getValue() % shares);
    }

    /**
     * Locks, for the caller's transaction, those of the given rows that are still due at {@code now},
     * not held by another transaction, and their customer's first due row in the order of {@link
     * #dueRows} (by when due, then as kept): a customer's events are reacted to one after the other,
     * in that order, by however many workers and instances. A row skipped here is taken by a later call once the rows before it are done.
     *
     * @param rowIds candidates from {@link #dueRows}, at most one per customer
     * @param now the clock
     * @return the rows claimed, oldest first
     */
    List<DueActivity> claimHeads(List<Long> rowIds, Instant now);

    /**
     * A row of {@link #dueRows}.
     *
     * @param rowId the row
     * @param customerId its customer
     */
    record DueRow(long rowId, CustomerId customerId) {}

    /**
     * Records a failed attempt and when to try again (empty: never, the row is parked for an
     * administrator).
     */
    void failed(long rowId, Optional<Instant> retryAt, String error);

    /**
     * @param limit how many
     * @return the events whose reactions failed for good, newest first
     */
    List<ParkedActivity> parked(int limit);

    /**
     * Makes a parked event due again.
     *
     * @return whether it was parked
     */
    boolean retry(String eventId, Instant dueAt);

    /**
     * An event whose reactions gave up.
     *
     * @param eventId the event
     * @param type its type
     * @param customerId its customer
     * @param attempts how many attempts failed
     * @param error the last error
     */
    record ParkedActivity(String eventId, String type, String customerId, int attempts, String error) {}
}
