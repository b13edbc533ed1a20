package dev.loyalty.adapters.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A small table read on every purchase (earning rules, the tier programme) and changed rarely by
 * an administrator: the last read is reused for {@link #FOR}. A change made on this instance is
 * seen at once - the read is forgotten when the changing transaction ends, committed or rolled
 * back, so no read of its uncommitted state outlives it; a change made on another instance shows
 * here within {@link #FOR}.
 *
 * @param <T> what is read
 */
public final class RecentRead<T> {

    /** How long a read is reused. */
    public static final Duration FOR = Duration.ofSeconds(5);

    private final Supplier<T> read;
    private volatile Held<T> held;

    private record Held<T>(T value, long readAt) {}

    /** @param read the database read, in the caller's transaction if it has one */
    public RecentRead(Supplier<T> read) {
        this.read = read;
    }

    /** The value read less than {@link #FOR} ago, or read now. */
    public T get() {
        Held<T> current = held;
        long now = System.nanoTime();
        if (current != null && now - current.readAt() < FOR.toNanos()) {
            return current.value();
        }
        T value = read.get();
        held = new Held<>(value, now);
        return value;
    }

    /**
     * Forgets the value now and again when the caller's transaction ends, whatever its outcome.
     *
     * @param transactions the container's registry, or {@code null} outside a container (then only now)
     */
    public void forgetAfter(TransactionSynchronizationRegistry transactions) {
        held = null;
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before: the transaction's own reads may still use the value
                }

                @Override
                public void afterCompletion(int status) {
                    held = null;
                }
            });
        }
    }
}
