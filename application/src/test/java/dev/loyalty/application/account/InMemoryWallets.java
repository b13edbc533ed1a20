package dev.loyalty.application.account;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletHead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Wallets in memory, with the same versioning as the database: for service tests. Thread-safe. */
public final class InMemoryWallets implements Wallets {

    private record Stored(List<WalletEntry> entries, long version) {}

    private final Map<CustomerId, Stored> wallets = new HashMap<>();

    @Override
    public synchronized Optional<Wallet> byCustomer(CustomerId customerId) {
        return Optional.ofNullable(wallets.get(customerId))
                .map(stored -> Wallet.reconstitute(customerId, stored.entries(), stored.version()));
    }

    @Override
    public synchronized Wallet lockedForUpdate(CustomerId customerId) {
        wallets.putIfAbsent(customerId, new Stored(List.of(), 1));
        return byCustomer(customerId).orElseThrow();
    }

    @Override
    public synchronized WalletHead lockedHead(CustomerId customerId) {
        Wallet wallet = lockedForUpdate(customerId);
        return new WalletHead(
                customerId,
                wallet.balance().value(),
                wallet.entries().size(),
                wallet.nextExpiry().orElse(null),
                wallet.version());
    }

    @Override
    public synchronized void save(WalletHead head) {
        Stored stored = wallets.get(head.customerId());
        if (stored == null || stored.version() != head.version()) {
            throw new ConcurrentUpdateException("wallet of " + head.customerId() + " was changed meanwhile");
        }
        List<WalletEntry> entries = new ArrayList<>(stored.entries());
        entries.addAll(head.pendingEntries());
        wallets.put(head.customerId(), new Stored(List.copyOf(entries), stored.version() + 1));
    }

    @Override
    public synchronized void save(Wallet wallet) {
        Stored stored = wallets.get(wallet.customerId());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != wallet.version()) {
            throw new ConcurrentUpdateException("wallet of " + wallet.customerId() + " was changed meanwhile");
        }
        List<WalletEntry> entries = new ArrayList<>(stored == null ? List.of() : stored.entries());
        entries.addAll(wallet.pendingEntries());
        wallets.put(wallet.customerId(), new Stored(List.copyOf(entries), storedVersion + 1));
    }

    @Override
    public synchronized List<CustomerId> dueForExpiry(Instant now, int limit) {
        return wallets.keySet().stream()
                .filter(id -> byCustomer(id)
                        .flatMap(Wallet::nextExpiry)
                        .filter(at -> !at.isAfter(now))
                        .isPresent())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Points balanceOf(CustomerId customerId) {
        return byCustomer(customerId).map(Wallet::balance).orElse(Points.of(0));
    }

    @Override
    public synchronized List<WalletEntry> entries(CustomerId customerId, int offset, int limit) {
        List<WalletEntry> newestFirst = new ArrayList<>(Optional.ofNullable(wallets.get(customerId))
                .map(Stored::entries)
                .orElse(List.of()));
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(
                Math.min(offset, newestFirst.size()), Math.min(offset + limit, newestFirst.size())));
    }

    @Override
    public synchronized long entryCount(CustomerId customerId) {
        return Optional.ofNullable(wallets.get(customerId))
                .map(s -> (long) s.entries().size())
                .orElse(0L);
    }
}
