package dev.loyalty.application.activity;

import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The activity log in memory, for tests without a database (single-threaded). */
public class InMemoryActivityLog implements ActivityLog {

    /** A kept event and its reaction state. */
    public static final class Row {
        public final long id;
        public RecordedActivity activity;
        public Instant dueAt;
        public int attempts;
        public String error;

        Row(long id, RecordedActivity activity, Instant dueAt) {
            this.id = id;
            this.activity = activity;
            this.dueAt = dueAt;
        }
    }

    private final Map<Long, Row> rows = new TreeMap<>();
    private long next = 1;
    private final java.util.function.Predicate<CustomerId> customers;

    /** A log for which every customer exists. */
    public InMemoryActivityLog() {
        this(customer -> true);
    }

    /** A log that knows which customers exist ({@link #appendIfCustomerExists}). */
    public InMemoryActivityLog(java.util.function.Predicate<CustomerId> customers) {
        this.customers = customers;
    }

    @Override
    public boolean appendIfCustomerExists(RecordedActivity activity) {
        return customers.test(activity.customerId().orElseThrow()) && append(activity);
    }

    @Override
    public boolean append(RecordedActivity activity) {
        if (byEventId(activity.source(), activity.eventId()).isPresent()) {
            return false;
        }
        long id = next++;
        rows.put(id, new Row(id, activity, activity.customerId().isPresent() ? activity.receivedAt() : null));
        return true;
    }

    /** @return the row an event is kept in */
    public long rowOf(String eventId) {
        return rows.values().stream()
                .filter(r -> r.activity.eventId().equals(eventId))
                .mapToLong(r -> r.id)
                .findFirst()
                .orElseThrow();
    }

    /** @return the event kept under this id, whoever sent it (for tests that send each id once) */
    public Optional<RecordedActivity> byEventId(String eventId) {
        return rows.values().stream()
                .filter(r -> r.activity.eventId().equals(eventId))
                .map(r -> r.activity)
                .findFirst();
    }

    @Override
    public Optional<RecordedActivity> byEventId(EventSource source, String eventId) {
        return rows.values().stream()
                .filter(r ->
                        r.activity.source() == source && r.activity.eventId().equals(eventId))
                .map(r -> r.activity)
                .findFirst();
    }

    @Override
    public int attachProspects(
            CustomerId customerId, Optional<Email> email, Optional<PhoneNumber> phone, Instant dueAt) {
        int attached = 0;
        for (Row row : rows.values()) {
            RecordedActivity a = row.activity;
            boolean mine = a.customerId().isEmpty()
                    && ((email.isPresent() && a.prospectEmail().equals(email))
                            || (phone.isPresent() && a.prospectPhone().equals(phone)));
            if (mine) {
                row.activity = new RecordedActivity(
                        a.eventId(),
                        a.type(),
                        a.source(),
                        Optional.of(customerId),
                        a.prospectEmail(),
                        a.prospectPhone(),
                        a.storeId(),
                        a.occurredAt(),
                        a.receivedAt(),
                        a.attributes());
                row.dueAt = dueAt;
                attached++;
            }
        }
        return attached;
    }

    @Override
    public List<KeptActivity> latestOf(CustomerId customerId, int limit) {
        List<KeptActivity> latest = new ArrayList<>();
        for (Row row : rows.values()) {
            if (row.activity.customerId().filter(customerId::equals).isPresent()) {
                latest.add(0, new KeptActivity(row.id, row.activity, row.dueAt != null));
            }
        }
        return latest.stream()
                .sorted(java.util.Comparator.comparing(
                                (KeptActivity k) -> k.activity().occurredAt())
                        .thenComparingLong(KeptActivity::rowId)
                        .reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return rows.values().stream()
                .filter(r -> r.dueAt != null && !r.dueAt.isAfter(now))
                .map(r -> r.id)
                .limit(limit)
                .toList();
    }

    @Override
    public List<DueRow> dueRows(Instant now, int limit) {
        return rows.values().stream()
                .filter(r -> r.dueAt != null && !r.dueAt.isAfter(now))
                .sorted(java.util.Comparator.comparing((Row r) -> r.dueAt).thenComparingLong(r -> r.id))
                .limit(limit)
                .map(r -> new DueRow(r.id, r.activity.customerId().orElseThrow()))
                .toList();
    }

    @Override
    public List<DueActivity> claimHeads(List<Long> rowIds, Instant now) {
        return rowIds.stream()
                .sorted()
                .filter(id -> {
                    Row row = rows.get(id);
                    return row != null
                            && row.dueAt != null
                            && !row.dueAt.isAfter(now)
                            && rows.values().stream()
                                    .noneMatch(o -> o.id != id
                                            && o.dueAt != null
                                            && !o.dueAt.isAfter(now)
                                            && (o.dueAt.isBefore(row.dueAt) || (o.dueAt.equals(row.dueAt) && o.id < id))
                                            && o.activity.customerId().equals(row.activity.customerId()));
                })
                .map(id -> claim(id).orElseThrow())
                .toList();
    }

    @Override
    public Optional<DueActivity> claim(long rowId) {
        Row row = rows.get(rowId);
        if (row == null || row.dueAt == null) {
            return Optional.empty();
        }
        RecordedActivity a = row.activity;
        return Optional.of(new DueActivity(
                rowId,
                new Activity(
                        a.eventId(),
                        a.type(),
                        a.customerId().orElseThrow(),
                        a.storeId(),
                        a.occurredAt(),
                        a.attributes(),
                        a.source()),
                row.attempts));
    }

    @Override
    public void reacted(long rowId) {
        Row row = rows.get(rowId);
        row.dueAt = null;
        // reacted to at last: no longer an event whose reactions failed for good
        row.error = null;
    }

    @Override
    public void failed(long rowId, Optional<Instant> retryAt, String error) {
        Row row = rows.get(rowId);
        row.attempts++;
        row.error = error;
        row.dueAt = retryAt.orElse(null);
    }

    @Override
    public List<ParkedActivity> parked(int limit) {
        List<ParkedActivity> parked = new ArrayList<>();
        for (Row row : rows.values()) {
            if (row.dueAt == null && row.error != null && parked.size() < limit) {
                parked.add(new ParkedActivity(
                        row.activity.eventId(),
                        row.activity.type().value(),
                        row.activity.customerId().map(CustomerId::toString).orElse(null),
                        row.attempts,
                        row.error));
            }
        }
        return parked;
    }

    @Override
    public boolean retry(String eventId, Instant dueAt) {
        for (Row row : rows.values()) {
            if (row.activity.eventId().equals(eventId) && row.dueAt == null && row.error != null) {
                row.dueAt = dueAt;
                return true;
            }
        }
        return false;
    }

    /** @return every kept event, oldest first */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }
}
