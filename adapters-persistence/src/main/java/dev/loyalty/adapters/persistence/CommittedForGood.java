package dev.loyalty.adapters.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What never changes once committed, kept by key after its first read: a coupon template (its
 * definition is never updated; only its redemption counter moves, which is not kept here), a
 * customer's existence (a customer row is never deleted - an erasure keeps it). Nothing to
 * invalidate, on this instance or another. Only what was read outside any transaction is kept: such
 * a read sees committed rows only, while a read inside one may see the transaction's own insert,
 * which a rollback would take back. At most {@link #LIMIT} entries: when full it starts again empty
 * (a few reads more, never a stale answer).
 *
 * @param <K> the key
 * @param <V> what is kept
 */
public final class CommittedForGood<K, V> {

    /** The most entries kept. */
    public static final int LIMIT = 50_000;

    private final Map<K, V> kept = new ConcurrentHashMap<>();
    private final int limit;

    /** Keeps at most {@link #LIMIT}. */
    public CommittedForGood() {
        this(LIMIT);
    }

    /** @param limit the most entries kept */
    public CommittedForGood(int limit) {
        this.limit = limit;
    }

    /** @return what a committed read found for {@code key}, if one was kept */
    public Optional<V> get(K key) {
        return Optional.ofNullable(kept.get(key));
    }

    /**
     * Keeps {@code value} if it was read outside any transaction.
     *
     * @param transactions the container's registry, or {@code null} outside a container (then nothing
     *     is kept: whether the read was committed is not known)
     * @return {@code value}
     */
    public V keep(K key, V value, TransactionSynchronizationRegistry transactions) {
        if (value != null
                && transactions != null
                && transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            if (kept.size() >= limit) {
                kept.clear();
            }
            kept.put(key, value);
        }
        return value;
    }

    /** @return how many entries are kept */
    public int size() {
        return kept.size();
    }
}
