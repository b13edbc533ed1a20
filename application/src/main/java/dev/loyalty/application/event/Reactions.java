package dev.loyalty.application.event;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.PointsAwards;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.activity.DueActivity;
import dev.loyalty.application.activity.ReactionSettingsVersions;
import dev.loyalty.application.activity.Reactor;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The relay step of one customer event: claims it, locks the customer's wallet, hands it to every
 * {@link Reactor} (the rules, the missions, the referrals, ...) in their order, and marks it
 * reacted to - all in one transaction. So an event's reactions happen exactly once: a crash before
 * the commit leaves the event due, and nothing of its reactions kept; the commit keeps both.
 *
 * <p>The wallet lock makes one customer's reactions (and purchases) take turns. Effects the
 * reactions cause (a completed mission) are new events, reacted to in their turn. An event of a
 * customer who is unknown or erased is marked reacted to without any reactor.
 */
@ApplicationScoped
public class Reactions {

    private final ActivityLog activities;
    private final Customers customers;
    private final Wallets wallets;
    private final List<Reactor> reactors;
    private final Clock clock;

    private final ReactionSettingsVersions versions;

    /** Holds a batch's wallets so that its awards are saved together; none: each award on its own. */
    private final PointsAwards points;

    /** For CDI's proxy only. */
    protected Reactions() {
        this(null, null, null, List.of(), null);
    }

    @Inject
    public Reactions(
            ActivityLog activities,
            Customers customers,
            Wallets wallets,
            Instance<Reactor> reactors,
            Clock clock,
            ReactionSettingsVersions versions,
            PointsAwards points) {
        this(
                activities,
                customers,
                wallets,
                StreamSupport.stream(reactors.spliterator(), false).toList(),
                clock,
                versions,
                points);
    }

    /** Reactions whose reactors read their settings afresh. */
    public Reactions(
            ActivityLog activities, Customers customers, Wallets wallets, List<Reactor> reactors, Clock clock) {
        this(activities, customers, wallets, reactors, clock, ReactionSettingsVersions.uncached());
    }

    /**
     * @param reactors the reactors, in any order: they run by {@link Reactor#order()}, then by class
     *     name
     * @param versions read once per batch, for the reactors' caches
     */
    public Reactions(
            ActivityLog activities,
            Customers customers,
            Wallets wallets,
            List<Reactor> reactors,
            Clock clock,
            ReactionSettingsVersions versions) {
        this(activities, customers, wallets, reactors, clock, versions, null);
    }

    /**
     * @param reactors the reactors, in any order: they run by {@link Reactor#order()}, then by class
     *     name
     * @param versions read once per batch, for the reactors' caches
     * @param points the reactors' points awards, holding the batch's wallets (null: none held, each
     *     event locks its customer's wallet and each award saves it)
     */
    public Reactions(
            ActivityLog activities,
            Customers customers,
            Wallets wallets,
            List<Reactor> reactors,
            Clock clock,
            ReactionSettingsVersions versions,
            PointsAwards points) {
        this.points = points;
        this.versions = versions;
        this.activities = activities;
        this.customers = customers;
        this.wallets = wallets;
        this.reactors = reactors.stream()
                .sorted(Comparator.comparingInt(Reactor::order)
                        .thenComparing(r -> r.getClass().getName()))
                .toList();
        this.clock = clock;
    }

    /**
     * Reacts to one due event, if nobody else is on it and its customer has no older event due.
     *
     * @param rowId a due event
     * @return whether this call reacted to it
     */
    @Transactional
    public boolean react(long rowId) {
        return !reactTo(List.of(rowId)).isEmpty();
    }

    /**
     * Reacts to a batch of due events in one transaction: those of them nobody else holds, each
     * its customer's oldest due one (see {@link ActivityLog#claimHeads}). A failure rolls the whole
     * batch back; the caller then tries the events one by one, to record the failure on the event
     * that caused it.
     *
     * @param rowIds candidates, at most one per customer (from {@link ActivityLog#dueHeads})
     * @return the rows this call reacted to
     */
    @Transactional
    public List<Long> reactAll(List<Long> rowIds) {
        return reactTo(rowIds);
    }

    private List<Long> reactTo(List<Long> rowIds) {
        Instant now = clock.instant();
        // first: the claim's check of older events must see what is committed now
        List<DueActivity> claimed = activities.claimHeads(rowIds, now);
        if (claimed.isEmpty()) {
            return List.of();
        }
        return versions.during(() -> reactToClaimed(claimed, now));
    }

    private List<Long> reactToClaimed(List<DueActivity> claimed, Instant now) {
        if (points == null) {
            for (DueActivity due : claimed) {
                wallets.lockedHead(due.activity().customerId());
            }
            return reactToLocked(claimed, now);
        }
        // every customer's wallet locked in one go (in customer id order), their awards saved together
        List<CustomerId> owners =
                claimed.stream().map(due -> due.activity().customerId()).toList();
        return points.holding(
                wallets.lockedHeads(owners), () -> inBatch(0, claimed, () -> reactToLocked(claimed, now)));
    }

    /** The work inside every reactor's {@link Reactor#inBatch}, from the {@code from}-th on. */
    private List<Long> inBatch(int from, List<DueActivity> claimed, java.util.function.Supplier<List<Long>> work) {
        if (from == reactors.size()) {
            return work.get();
        }
        return reactors.get(from).inBatch(claimed, () -> inBatch(from + 1, claimed, work));
    }

    private List<Long> reactToLocked(List<DueActivity> claimed, Instant now) {
        // read under the wallet locks, all at once
        java.util.Map<CustomerId, Customer> found = customers.byIds(claimed.stream()
                .map(due -> due.activity().customerId())
                .distinct()
                .toList());
        for (DueActivity due : claimed) {
            CustomerId customerId = due.activity().customerId();
            Optional<Customer> customer =
                    Optional.ofNullable(found.get(customerId)).filter(c -> !c.isErased());
            if (customer.isPresent()) {
                for (Reactor reactor : reactors) {
                    reactor.react(due, customer.get(), now);
                }
            }
        }
        List<Long> reacted = claimed.stream().map(DueActivity::rowId).toList();
        activities.reacted(reacted);
        return reacted;
    }

    /**
     * Records a failed attempt: tried again later, at growing intervals, and parked for an
     * administrator after {@link #MAX_ATTEMPTS}.
     */
    @Transactional
    public void failed(long rowId, String error) {
        activities.claim(rowId).ifPresent(due -> {
            int attempts = due.attempts() + 1;
            Optional<Instant> retryAt = attempts >= MAX_ATTEMPTS
                    ? Optional.empty()
                    : Optional.of(clock.instant().plus(backoff(attempts)));
            activities.failed(rowId, retryAt, error == null ? "failed" : error);
        });
    }

    /** How many attempts before an event is parked. */
    public static final int MAX_ATTEMPTS = 8;

    /** @return the wait after the given number of failed attempts: 5 s, 20 s, 80 s, ... at most 1 h */
    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(2 * (attempts - 1), 20);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}
