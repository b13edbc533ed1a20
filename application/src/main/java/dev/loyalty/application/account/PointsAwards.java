package dev.loyalty.application.account;

import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.shared.ProgrammeSettings;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.WalletHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Credits points a reaction awards (a rule's action, a completed mission, a referral) to a
 * customer's wallet: earned points, valid for the programme's points validity, the wallet's events
 * appended in the caller's transaction.
 *
 * <p>The reactions judge a batch of events with their customers' wallets locked together ({@link
 * #holding}): an award to one of those wallets is kept in its head, and the heads that earned are
 * saved, with their events, in a few statements when the batch is done - instead of a lock, an
 * update and two inserts per award.
 */
@ApplicationScoped
public class PointsAwards {

    private final Wallets wallets;
    private final ProgrammeSettings programme;
    private final DomainEventLog events;

    /** The wallets the calling thread holds for a batch ({@link #holding}), if any. */
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    /** A batch's locked wallets, those that earned, and their events not yet appended. */
    private static final class Held {
        final Map<CustomerId, WalletHead> heads = new LinkedHashMap<>();
        final Set<WalletHead> earned = new LinkedHashSet<>();
        final List<dev.loyalty.domain.shared.DomainEvent> events = new ArrayList<>();
    }

    /** For CDI's proxy only. */
    protected PointsAwards() {
        this(null, null, null);
    }

    @Inject
    public PointsAwards(Wallets wallets, ProgrammeSettings programme, DomainEventLog events) {
        this.wallets = wallets;
        this.programme = programme;
        this.events = events;
    }

    /**
     * @param reason the wallet entry's reason ("rule", "mission", "referral")
     * @param reference what the points are for (a rule, a mission, a referral)
     * @return what happened, for the reasons a reaction records
     */
    public String award(CustomerId customer, Points points, String reason, String reference, Instant now) {
        Held batch = held.get();
        WalletHead kept = batch == null ? null : batch.heads.get(customer);
        if (kept != null) {
            Instant expiresAt = programme.pointsValidity().map(now::plus).orElse(null);
            batch.events.addAll(kept.earn(points, reason, reference, now, expiresAt));
            batch.earned.add(kept);
            return "awarded " + points.value() + " points";
        }
        WalletHead head = wallets.lockedHead(customer);
        Instant expiresAt = programme.pointsValidity().map(now::plus).orElse(null);
        head.earn(points, reason, reference, now, expiresAt).forEach(events::append);
        wallets.save(head);
        return "awarded " + points.value() + " points";
    }

    /** @return when points credited at {@code now} expire, if the programme's points expire */
    public java.util.Optional<Instant> expiresAt(Instant now) {
        return programme.pointsValidity().map(now::plus);
    }

    /**
     * Credits the same points to several customers at once, as {@link #award} does to each: their
     * wallets locked together (in customer id order), their entries and events appended in one
     * statement each.
     *
     * @param customers who (each once)
     */
    public void awardAll(
            java.util.List<CustomerId> customers, Points points, String reason, String reference, Instant now) {
        if (customers.isEmpty()) {
            return;
        }
        Instant expiresAt = programme.pointsValidity().map(now::plus).orElse(null);
        java.util.List<WalletHead> heads = wallets.lockedHeads(customers);
        java.util.List<dev.loyalty.domain.shared.DomainEvent> happened = new java.util.ArrayList<>();
        for (WalletHead head : heads) {
            happened.addAll(head.earn(points, reason, reference, now, expiresAt));
        }
        wallets.saveHeads(heads);
        events.appendAll(happened);
    }

    /**
     * Runs {@code work} in the caller's transaction with these wallets, already locked by the
     * caller, held: {@link #award} to one of them adds to its head; the heads that earned are saved
     * and their events appended, together, once {@code work} returned (not when it threw: the
     * caller's transaction is then rolled back anyway). Awards to other wallets lock and save
     * them at once, as outside a batch.
     *
     * @param heads the locked wallets, at most one per customer
     * @return what {@code work} returned
     */
    public <T> T holding(List<WalletHead> heads, Supplier<T> work) {
        if (held.get() != null) {
            throw new IllegalStateException("already holding a batch of wallets");
        }
        Held batch = new Held();
        heads.forEach(head -> batch.heads.put(head.customerId(), head));
        held.set(batch);
        T result;
        try {
            result = work.get();
        } finally {
            held.remove();
        }
        if (!batch.earned.isEmpty()) {
            wallets.saveHeads(List.copyOf(batch.earned));
            events.appendAll(batch.events);
        }
        return result;
    }
}
