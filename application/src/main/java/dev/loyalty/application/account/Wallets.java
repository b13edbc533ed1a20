package dev.loyalty.application.account;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletHead;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored ledgers. A customer has no wallet until points first move; {@link #save} then creates
 * it. Saving appends the wallet's pending entries and moves its version on, or throws
 * {@code ConcurrentUpdateException} when another writer saved it since it was read.
 */
public interface Wallets {

    Optional<Wallet> byCustomer(CustomerId customerId);

    /**
     * The customer's wallet, locked until the transaction ends so that its writers queue up
     * instead of failing; created (empty) when the customer has none yet.
     */
    Wallet lockedForUpdate(CustomerId customerId);

    void save(Wallet wallet);

    /**
     * The head of the customer's wallet (no ledger read), locked until the transaction ends like
     * {@link #lockedForUpdate}; created (empty) when the customer has no wallet yet.
     */
    WalletHead lockedHead(CustomerId customerId);

    /** Appends the head's new entries and moves its balance, next expiry and version on. */
    void save(WalletHead head);

    /**
     * The heads of several customers' wallets, each locked like {@link #lockedHead} (in customer id
     * order, so that two callers queue rather than deadlock), created empty when missing.
     *
     * @return the heads, in customer id order
     */
    default List<WalletHead> lockedHeads(List<CustomerId> customerIds) {
        return customerIds.stream()
                .distinct()
                .sorted(java.util.Comparator.comparing(CustomerId::toString))
                .map(this::lockedHead)
                .toList();
    }

    /** Saves several heads like {@link #save(WalletHead)} (an adapter may append all entries at once). */
    default void saveHeads(List<WalletHead> heads) {
        heads.forEach(this::save);
    }

    /**
     * @return up to {@code limit} customers with points that expire at {@code now} or before, the
     *     longest overdue first
     */
    List<CustomerId> dueForExpiry(Instant now, int limit);

    /** The cached balance, zero for a customer without a wallet. */
    Points balanceOf(CustomerId customerId);

    /** A page of the ledger, newest entry first. */
    List<WalletEntry> entries(CustomerId customerId, int offset, int limit);

    long entryCount(CustomerId customerId);
}
