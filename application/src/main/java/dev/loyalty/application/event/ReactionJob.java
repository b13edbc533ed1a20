package dev.loyalty.application.event;

import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the events due for reactions, in batches of events of distinct customers, each batch in
 * one transaction (see {@link Reactions}). Safe to run in several workers and service instances at
 * once: an event another one holds is skipped, and so are the later events of its customer until it
 * is done, so that each customer's events are reacted to once and in order. A failure is recorded
 * on the event (retried later, parked after a few attempts) and does not stop the others.
 */
@ApplicationScoped
public class ReactionJob {

    private static final Logger LOG = Logger.getLogger(ReactionJob.class.getName());

    static final int BATCH = 200;

    /** The events judged in one transaction by {@link #drain(int)}. */
    static final int PER_TRANSACTION = 25;

    private final ActivityLog activities;
    private final Reactions reactions;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected ReactionJob() {
        this(null, null, null);
    }

    @Inject
    public ReactionJob(ActivityLog activities, Reactions reactions, Clock clock) {
        this.activities = activities;
        this.reactions = reactions;
        this.clock = clock;
    }

    /**
     * Reacts to the events due now, at most {@code rounds} rounds of {@link #BATCH}, in batches of
     * {@link #PER_TRANSACTION}.
     *
     * @return how many events this call reacted to
     */
    public int drain(int rounds) {
        return drain(0, 1, PER_TRANSACTION, rounds);
    }

    /**
     * One worker's share of the events due now: those of the customers {@code share} of {@code
     * shares} ({@link ActivityLog#shareOf}), read by the database, so that the workers of one
     * instance neither compete for the same events nor read each other's. A round takes the share's
     * first {@link #BATCH} due events and reacts to them in
     * waves: each wave holds the next event of every customer of the round, judged in transactions
     * of up to {@code perTransaction} events; a customer whose event was not taken (another instance
     * has it, or an older one) waits for the next round. Events the reactions add (a completed
     * mission) come in a later round.
     *
     * @return how many events this call reacted to
     */
    public int drain(int share, int shares, int perTransaction, int rounds) {
        int reacted = 0;
        for (int round = 0; round < rounds; round++) {
            List<ActivityLog.DueRow> due = activities.dueRows(clock.instant(), BATCH, share, shares);
            Map<CustomerId, Deque<Long>> byCustomer = new LinkedHashMap<>();
            for (ActivityLog.DueRow row : due) {
                byCustomer
                        .computeIfAbsent(row.customerId(), c -> new ArrayDeque<>())
                        .add(row.rowId());
            }
            if (byCustomer.isEmpty()) {
                // nothing due in this share: the next call looks again
                break;
            }
            while (!byCustomer.isEmpty()) {
                Map<CustomerId, Long> wave = new LinkedHashMap<>();
                byCustomer.forEach((customer, rows) -> wave.put(customer, rows.poll()));
                List<Long> rowIds = new ArrayList<>(wave.values());
                Set<Long> settled = new HashSet<>();
                for (int from = 0; from < rowIds.size(); from += perTransaction) {
                    reacted += reactTo(rowIds.subList(from, Math.min(rowIds.size(), from + perTransaction)), settled);
                }
                // a customer whose event was not taken now keeps the rest for a later round
                byCustomer
                        .entrySet()
                        .removeIf(entry -> entry.getValue().isEmpty() || !settled.contains(wave.get(entry.getKey())));
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return reacted;
    }

    /**
     * Reacts to a batch in one transaction, else (one of them failed) to each on its own, so that the
     * failure is recorded on its event.
     *
     * @param settled receives the rows reacted to or whose failure was recorded
     * @return how many were reacted to
     */
    private int reactTo(List<Long> batch, Set<Long> settled) {
        try {
            List<Long> reacted = reactions.reactAll(batch);
            settled.addAll(reacted);
            return reacted.size();
        } catch (RuntimeException batchFailed) {
            int reacted = 0;
            for (long rowId : batch) {
                try {
                    if (reactions.react(rowId)) {
                        reacted++;
                        settled.add(rowId);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Reactions to event row " + rowId + " failed; retried later", e);
                    reactions.failed(rowId, describe(e));
                    settled.add(rowId);
                }
            }
            return reacted;
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 480 ? text.substring(0, 480) : text;
    }
}
