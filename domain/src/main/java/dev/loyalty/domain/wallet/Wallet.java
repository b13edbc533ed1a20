package dev.loyalty.domain.wallet;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The points wallet of one customer: an append-only ledger whose sum is the balance, which never
 * goes below zero. Entries are numbered 1, 2, 3... and are never changed; {@link #pendingEntries()}
 * are those appended since the wallet was opened or reconstituted, the only ones a repository
 * has to write. Every command returns the {@link WalletEvent}s that happened and changes nothing
 * when it fails.
 *
 * <p><b>Expiry is FIFO.</b> Each positive entry is a lot; an EARN lot may expire. Points leaving
 * the wallet (burn, negative adjustment) consume the oldest unexpired lots first, in ledger
 * order; a reversal first consumes the lots of the earning it reverses. {@link #expire} turns the
 * unconsumed remainder of every lot with {@code expiresAt <= now} into one EXPIRE entry. Every
 * command that takes points away first expires what is due at its {@code now}, so that expired
 * points can never be spent.
 *
 * <p><b>Reversal: claw back to zero, record the shortfall as debt.</b> A reversal may take back at
 * most what its reference earned minus what earlier reversals of it took, debt included. When the
 * balance is lower than the points to take back (they were already spent), the balance is taken
 * to zero and the rest is recorded as {@code debt} on the REVERSE entry and in
 * {@link PointsReversed}; the wallet does not collect it later by itself. A reversal does not
 * distinguish points of its reference that expired from points that were spent.
 */
public final class Wallet {

    static final String EXPIRY_REASON = "expiry";

    private final CustomerId customerId;
    private final List<WalletEntry> entries;
    private final int persistedCount;
    private final long version;

    private Wallet(CustomerId customerId, List<WalletEntry> entries, long version) {
        if (customerId == null) {
            throw new InvalidValueException("customerId", "customerId is required");
        }
        if (entries == null || entries.stream().anyMatch(Objects::isNull)) {
            throw new InvalidValueException("entries", "entries are required and may not contain null");
        }
        if (version < 0) {
            throw new InvalidValueException("version", "version must not be negative");
        }
        long balance = 0;
        for (int i = 0; i < entries.size(); i++) {
            WalletEntry entry = entries.get(i);
            if (entry.sequence() != i + 1) {
                throw new InvalidValueException("entries", "entry " + (i + 1) + " has sequence " + entry.sequence());
            }
            balance = Math.addExact(balance, entry.points());
            if (balance < 0) {
                throw new InvalidValueException("entries", "the balance goes below zero at entry " + (i + 1));
            }
        }
        this.customerId = customerId;
        this.entries = new ArrayList<>(entries);
        this.persistedCount = entries.size();
        this.version = version;
    }

    /**
     * @param customerId the owner
     * @return an empty wallet, version 0
     */
    public static Wallet open(CustomerId customerId) {
        return new Wallet(customerId, List.of(), 0);
    }

    /**
     * Rebuilds a stored wallet; the entries must be numbered from 1 without gaps and keep the
     * balance at zero or above after each of them.
     *
     * @param customerId the owner
     * @param entries every entry, in sequence order
     * @param version the optimistic-lock version
     * @return the wallet, with no pending entries
     */
    public static Wallet reconstitute(CustomerId customerId, List<WalletEntry> entries, long version) {
        return new Wallet(customerId, entries, version);
    }

    /**
     * Credits points.
     *
     * @param points the points earned, positive
     * @param reason why (e.g. {@code purchase})
     * @param reference the business key of the earning, which a reversal names
     * @param now when
     * @param expiresAt when these points expire (after {@code now}), or {@code null} for never
     * @return a {@link PointsEarned}
     * @throws InvalidValueException when the points are zero or the entry would be invalid
     */
    public List<WalletEvent> earn(Points points, String reason, String reference, Instant now, Instant expiresAt) {
        positive(points);
        WalletEntry entry = new WalletEntry(
                nextSequence(), WalletEntryType.EARN, points.value(), reason, reference, now, expiresAt);
        entries.add(entry);
        return List.of(new PointsEarned(
                customerId, entry.sequence(), points, entry.reason(), entry.reference(), expiresAt, balance(), now));
    }

    /**
     * Spends points, oldest unexpired earnings first, after expiring what is due at {@code now}.
     *
     * @param points the points spent, positive
     * @param reason why (e.g. {@code reward claim})
     * @param reference the business key of the spending, or {@code null}
     * @param now when
     * @return a {@link PointsExpired} when points were due to expire, then a {@link PointsBurned}
     * @throws InsufficientPointsException when the balance left after expiry is lower than {@code points}
     */
    public List<WalletEvent> burn(Points points, String reason, String reference, Instant now) {
        positive(points);
        Objects.requireNonNull(now, "now");
        long due = dueToExpire(now);
        long available = balance().value() - due;
        if (points.value() > available) {
            throw new InsufficientPointsException(Points.of(available), points);
        }
        WalletEntry expiry = expiryEntry(due, now);
        WalletEntry burn = new WalletEntry(
                nextSequence() + (expiry == null ? 0 : 1),
                WalletEntryType.BURN,
                -points.value(),
                reason,
                reference,
                now,
                null);
        List<WalletEvent> events = appendExpiry(expiry);
        entries.add(burn);
        events.add(
                new PointsBurned(customerId, burn.sequence(), points, burn.reason(), burn.reference(), balance(), now));
        return List.copyOf(events);
    }

    /**
     * Takes back points earned under {@code reference} (e.g. a refunded purchase), after expiring
     * what is due at {@code now}. When the balance cannot cover them, claws it back to zero and
     * records the shortfall as debt (see the class comment).
     *
     * @param reference the earning to reverse
     * @param points the points to take back, positive, at most {@link #reversibleFor(String)}
     * @param reason why (e.g. {@code refund})
     * @param now when
     * @return a {@link PointsExpired} when points were due to expire, then a {@link PointsReversed}
     *         with the points taken and the debt
     * @throws ReversalExceedsEarnedException when {@code points} exceeds what is still reversible
     */
    public List<WalletEvent> reverse(String reference, Points points, String reason, Instant now) {
        positive(points);
        Objects.requireNonNull(now, "now");
        if (reference == null || reference.isBlank()) {
            throw new InvalidValueException("reference", "a reversal needs the reference of the earning");
        }
        Points reversible = reversibleFor(reference);
        if (reversible.isLessThan(points)) {
            throw new ReversalExceedsEarnedException(reference.strip(), reversible, points);
        }
        long due = dueToExpire(now);
        long available = balance().value() - due;
        long taken = Math.min(points.value(), available);
        long debt = points.value() - taken;
        WalletEntry expiry = expiryEntry(due, now);
        WalletEntry reversal = new WalletEntry(
                nextSequence() + (expiry == null ? 0 : 1),
                WalletEntryType.REVERSE,
                -taken,
                reason,
                reference,
                now,
                null,
                debt);
        List<WalletEvent> events = appendExpiry(expiry);
        entries.add(reversal);
        events.add(new PointsReversed(
                customerId,
                reversal.sequence(),
                reversal.reference(),
                Points.of(taken),
                Points.of(debt),
                reversal.reason(),
                balance(),
                now));
        return List.copyOf(events);
    }

    /**
     * Corrects the balance by hand. A negative correction first expires what is due at
     * {@code now} and may not take the balance below zero.
     *
     * @param delta the signed change, non-zero
     * @param reason why
     * @param reference the business key (e.g. a support ticket), or {@code null}
     * @param now when
     * @return a {@link PointsExpired} when points were due to expire, then a {@link PointsAdjusted}
     * @throws InsufficientPointsException when a negative {@code delta} exceeds the balance
     */
    public List<WalletEvent> adjust(long delta, String reason, String reference, Instant now) {
        Objects.requireNonNull(now, "now");
        long due = delta < 0 ? dueToExpire(now) : 0;
        long available = balance().value() - due;
        if (delta < 0 && -delta > available) {
            throw new InsufficientPointsException(Points.of(available), Points.of(-delta));
        }
        WalletEntry expiry = expiryEntry(due, now);
        WalletEntry adjustment = new WalletEntry(
                nextSequence() + (expiry == null ? 0 : 1), WalletEntryType.ADJUST, delta, reason, reference, now, null);
        List<WalletEvent> events = appendExpiry(expiry);
        entries.add(adjustment);
        events.add(new PointsAdjusted(
                customerId, adjustment.sequence(), delta, adjustment.reason(), adjustment.reference(), balance(), now));
        return List.copyOf(events);
    }

    /**
     * Expires the unconsumed remainder of every earning whose {@code expiresAt <= now}, as one
     * EXPIRE entry. Idempotent: once done for {@code now}, running it again for the same instant
     * finds nothing.
     *
     * @param now the instant of the run
     * @return a {@link PointsExpired}, or nothing when no points were due
     */
    public List<WalletEvent> expire(Instant now) {
        Objects.requireNonNull(now, "now");
        return List.copyOf(appendExpiry(expiryEntry(dueToExpire(now), now)));
    }

    /**
     * @param reference an earning reference
     * @return the points a reversal of it may still take back: earned under it minus taken back
     *         (and recorded as debt) by earlier reversals of it
     */
    public Points reversibleFor(String reference) {
        if (reference == null) {
            return Points.ZERO;
        }
        String key = reference.strip();
        long reversible = 0;
        for (WalletEntry entry : entries) {
            if (key.equals(entry.reference())) {
                if (entry.type() == WalletEntryType.EARN) {
                    reversible += entry.points();
                } else if (entry.type() == WalletEntryType.REVERSE && entry.points() <= 0) {
                    reversible += entry.points() - entry.debt();
                }
            }
        }
        return Points.of(Math.max(0, reversible));
    }

    /**
     * @param now an instant
     * @return the points that {@link #expire(Instant)} would expire at {@code now}
     */
    public Points dueToExpireAt(Instant now) {
        return Points.of(dueToExpire(Objects.requireNonNull(now, "now")));
    }

    /**
     * @return the earliest instant at which some points still held expire, or empty when none of
     *     the points held will (the expiry job looks at a wallet only from then on)
     */
    public Optional<Instant> nextExpiry() {
        Instant next = null;
        for (Lot lot : lots()) {
            if (lot.remaining > 0 && lot.expiresAt != null && (next == null || lot.expiresAt.isBefore(next))) {
                next = lot.expiresAt;
            }
        }
        return Optional.ofNullable(next);
    }

    /** @return the sum of all entries, never negative */
    public Points balance() {
        long sum = 0;
        for (WalletEntry entry : entries) {
            sum += entry.points();
        }
        return Points.of(sum);
    }

    /** @return the owner */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return every entry, in sequence order, unmodifiable */
    public List<WalletEntry> entries() {
        return List.copyOf(entries);
    }

    /** @return the entries appended since the wallet was opened or reconstituted, in sequence order */
    public List<WalletEntry> pendingEntries() {
        return List.copyOf(entries.subList(persistedCount, entries.size()));
    }

    /** @return the optimistic-lock version the wallet was loaded with (0 when new) */
    public long version() {
        return version;
    }

    private long nextSequence() {
        return entries.size() + 1L;
    }

    private static void positive(Points points) {
        if (points == null || points.isZero()) {
            throw new InvalidValueException("points", "points must be positive");
        }
    }

    private WalletEntry expiryEntry(long due, Instant now) {
        return due == 0
                ? null
                : new WalletEntry(nextSequence(), WalletEntryType.EXPIRE, -due, EXPIRY_REASON, null, now, null);
    }

    private List<WalletEvent> appendExpiry(WalletEntry expiry) {
        List<WalletEvent> events = new ArrayList<>();
        if (expiry != null) {
            entries.add(expiry);
            events.add(new PointsExpired(
                    customerId, expiry.sequence(), Points.of(-expiry.points()), balance(), expiry.occurredAt()));
        }
        return events;
    }

    private long dueToExpire(Instant now) {
        long due = 0;
        for (Lot lot : lots()) {
            if (lot.expiredAt(now)) {
                due += lot.remaining;
            }
        }
        return due;
    }

    /** Replays the ledger into lots: what is left of each positive entry. */
    private List<Lot> lots() {
        List<Lot> lots = new ArrayList<>();
        for (WalletEntry entry : entries) {
            if (entry.points() > 0) {
                boolean earned = entry.type() == WalletEntryType.EARN;
                lots.add(new Lot(earned ? entry.reference() : null, entry.expiresAt(), entry.points()));
                continue;
            }
            long amount = -entry.points();
            Instant at = entry.occurredAt();
            if (entry.type() == WalletEntryType.EXPIRE) {
                amount = consume(lots, amount, lot -> lot.expiredAt(at));
            } else if (entry.type() == WalletEntryType.REVERSE) {
                amount = consume(lots, amount, lot -> entry.reference().equals(lot.earningReference));
            }
            amount = consume(lots, amount, lot -> !lot.expiredAt(at));
            consume(lots, amount, lot -> true);
        }
        return lots;
    }

    /** Takes up to {@code amount} from the matching lots, oldest first; returns what is left to take. */
    private static long consume(List<Lot> lots, long amount, Predicate<Lot> eligible) {
        for (Lot lot : lots) {
            if (amount == 0) {
                break;
            }
            if (lot.remaining > 0 && eligible.test(lot)) {
                long taken = Math.min(amount, lot.remaining);
                lot.remaining -= taken;
                amount -= taken;
            }
        }
        return amount;
    }

    /** Two wallets are the same when they belong to the same customer. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Wallet that && customerId.equals(that.customerId);
    }

    @Override
    public int hashCode() {
        return customerId.hashCode();
    }

    @Override
    public String toString() {
        return "Wallet[customerId=" + customerId + ", balance=" + balance() + ", version=" + version + "]";
    }

    /** What is left of one positive entry during a replay. */
    private static final class Lot {
        private final String earningReference;
        private final Instant expiresAt;
        private long remaining;

        private Lot(String earningReference, Instant expiresAt, long remaining) {
            this.earningReference = earningReference;
            this.expiresAt = expiresAt;
            this.remaining = remaining;
        }

        private boolean expiredAt(Instant instant) {
            return expiresAt != null && !expiresAt.isAfter(instant);
        }
    }
}
