package dev.loyalty.domain.wallet;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The head of a wallet - its balance, last entry number, next expiry and version - for crediting
 * points without reading the ledger: a purchase earns in constant time however long the
 * customer's history. Only {@link #earn} is offered; anything that takes points out needs the
 * whole {@link Wallet} (FIFO lots). Earning here appends exactly what {@link Wallet#earn} would.
 */
public final class WalletHead {

    private final CustomerId customerId;
    private final long lastSequence;
    private final long version;
    private final List<WalletEntry> pending = new ArrayList<>();
    private long balance;
    private Instant nextExpiry;

    /**
     * @param customerId the owner
     * @param balance the stored balance, zero or more
     * @param lastSequence the number of the last entry (0 for none)
     * @param nextExpiry the stored next expiry, or {@code null}
     * @param version the optimistic-lock version it was read at
     */
    public WalletHead(CustomerId customerId, long balance, long lastSequence, Instant nextExpiry, long version) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        if (balance < 0 || lastSequence < 0 || version < 0) {
            throw new IllegalArgumentException("a wallet head has no negative figure");
        }
        this.balance = balance;
        this.lastSequence = lastSequence;
        this.nextExpiry = nextExpiry;
        this.version = version;
    }

    /**
     * Credits points, as {@link Wallet#earn} does.
     *
     * @return a {@link PointsEarned}
     * @throws InvalidValueException when the points are zero or the entry would be invalid
     */
    public List<WalletEvent> earn(Points points, String reason, String reference, Instant now, Instant expiresAt) {
        if (points == null || points.isZero()) {
            throw new InvalidValueException("points", "points must be positive");
        }
        WalletEntry entry = new WalletEntry(
                lastSequence + pending.size() + 1,
                WalletEntryType.EARN,
                points.value(),
                reason,
                reference,
                now,
                expiresAt);
        pending.add(entry);
        balance = Math.addExact(balance, points.value());
        if (expiresAt != null && (nextExpiry == null || expiresAt.isBefore(nextExpiry))) {
            nextExpiry = expiresAt;
        }
        return List.of(new PointsEarned(
                customerId,
                entry.sequence(),
                points,
                entry.reason(),
                entry.reference(),
                expiresAt,
                Points.of(balance),
                now));
    }

    public CustomerId customerId() {
        return customerId;
    }

    public Points balance() {
        return Points.of(balance);
    }

    /** @return the earliest expiry of points held, this head's credits included */
    public Optional<Instant> nextExpiry() {
        return Optional.ofNullable(nextExpiry);
    }

    /** @return the version it was read at */
    public long version() {
        return version;
    }

    /** @return the entries appended since it was read */
    public List<WalletEntry> pendingEntries() {
        return List.copyOf(pending);
    }
}
