package dev.loyalty.adapters.persistence.wallet;

import dev.loyalty.adapters.persistence.Locks;
import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.operations.CommittedCounts;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wallets in MariaDB. A save is one conditional UPDATE of the wallet row (balance and version,
 * {@code WHERE version = ?}) or, for a new wallet, its INSERT; then the pending entries are
 * appended, each unique by (customer, sequence). Two writers of one wallet cannot both succeed:
 * the second is a {@link ConcurrentUpdateException}. {@link #lockedForUpdate} makes writers queue
 * instead: SELECT ... FOR UPDATE of the wallet row (created empty first when missing), read afresh.
 * The row also keeps the wallet's next expiry for the expiry job.
 */
@ApplicationScoped
public class JpaWallets implements Wallets {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    /** Points by entry type, once committed; absent outside the container. */
    @Inject
    private CommittedCounts counts;

    protected JpaWallets() {}

    /** For tests outside the container. */
    public JpaWallets(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Wallet> byCustomer(CustomerId customerId) {
        WalletJpaEntity row = em.find(WalletJpaEntity.class, customerId.toString());
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(WalletMapper.toDomain(row, entriesOf(customerId.toString())));
    }

    @Override
    public Wallet lockedForUpdate(CustomerId customerId) {
        String id = customerId.toString();
        Optional<WalletJpaEntity> row = lockRow(id);
        if (row.isEmpty()) {
            // A first wallet: several writers may get here at once. ON DUPLICATE KEY UPDATE takes an
            // exclusive lock on a row inserted meanwhile, so they queue; INSERT IGNORE would take
            // shared locks that two of them then both try to upgrade, a deadlock.
            em.createNativeQuery("INSERT INTO wallet (customer_id, balance, version) VALUES (?, 0, 1)"
                            + " ON DUPLICATE KEY UPDATE customer_id = customer_id")
                    .setParameter(1, id)
                    .executeUpdate();
            row = lockRow(id);
        }
        WalletJpaEntity locked =
                row.orElseThrow(() -> new IllegalStateException("no wallet can be created for " + customerId));
        return WalletMapper.toDomain(locked, entriesOf(id));
    }

    @Override
    public WalletHead lockedHead(CustomerId customerId) {
        String id = customerId.toString();
        Optional<WalletHead> head = lockHead(id);
        if (head.isEmpty()) {
            lockedForUpdate(customerId);
            head = lockHead(id);
        }
        return head.orElseThrow();
    }

    /**
     * The wallet row locked and its last ledger sequence, in one statement (every purchase and every
     * reaction takes this lock: a second statement for the sequence was one in four of a hot
     * wallet's). The sequence is read after the row's lock is granted - a correlated subquery runs
     * per locked row - so it sees every entry the previous holder committed.
     */
    @SuppressWarnings("unchecked")
    private Optional<WalletHead> lockHead(String id) {
        List<Object[]> rows = em.createNativeQuery("SELECT w.customer_id, w.balance, w.next_expiry_at, w.version,"
                        + " (SELECT MAX(e.sequence) FROM wallet_entry e WHERE e.customer_id = w.customer_id)"
                        + " FROM wallet w WHERE w.customer_id = ? FOR UPDATE")
                .setParameter(1, id)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new WalletHead(
                        CustomerId.parse(String.valueOf(row[0])),
                        NativeRows.number(row[1]),
                        row[4] == null ? 0 : NativeRows.number(row[4]),
                        NativeRows.instant(row[2]),
                        NativeRows.number(row[3])));
    }

    @Override
    public void save(WalletHead head) {
        String id = head.customerId().toString();
        try {
            update(head.customerId(), head.balance().value(), head.nextExpiry(), head.version());
            append(id, head.pendingEntries());
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).isPresent()) {
                throw stale(head.customerId());
            }
            throw e;
        }
    }

    /**
     * One statement creates the missing wallets and locks them all (ON DUPLICATE KEY UPDATE takes an
     * exclusive lock on each row, in customer id order), one reads their rows, one their last
     * sequences.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<WalletHead> lockedHeads(List<CustomerId> customerIds) {
        List<String> ids = customerIds.stream()
                .map(CustomerId::toString)
                .distinct()
                .sorted()
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        jakarta.persistence.Query create =
                em.createNativeQuery("INSERT INTO wallet (customer_id, balance, version) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "(?, 0, 1)"))
                        + " ON DUPLICATE KEY UPDATE customer_id = customer_id");
        bindAll(create, ids, 1).executeUpdate();
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        for (Object[] row : (List<Object[]>) bindAll(
                        em.createNativeQuery(
                                "SELECT customer_id, MAX(sequence) FROM wallet_entry WHERE customer_id IN (" + marks
                                        + ") GROUP BY customer_id"),
                        ids,
                        1)
                .getResultList()) {
            last.put(String.valueOf(row[0]), NativeRows.number(row[1]));
        }
        List<Object[]> rows = bindAll(
                        em.createNativeQuery("SELECT customer_id, balance, next_expiry_at, version FROM wallet"
                                + " WHERE customer_id IN (" + marks + ") ORDER BY customer_id FOR UPDATE"),
                        ids,
                        1)
                .getResultList();
        if (rows.size() != ids.size()) {
            throw new IllegalStateException("wallets missing after their creation: " + (ids.size() - rows.size()));
        }
        return rows.stream()
                .map(row -> new WalletHead(
                        CustomerId.parse(String.valueOf(row[0])),
                        NativeRows.number(row[1]),
                        last.getOrDefault(String.valueOf(row[0]), 0L),
                        NativeRows.instant(row[2]),
                        NativeRows.number(row[3])))
                .toList();
    }

    /** Each wallet row updated on its version, then every head's pending entries in one statement. */
    @Override
    public void saveHeads(List<WalletHead> heads) {
        try {
            List<Object[]> entries = new java.util.ArrayList<>();
            updateAll(heads);
            for (WalletHead head : heads) {
                String id = head.customerId().toString();
                head.pendingEntries().stream()
                        .map(entry -> WalletMapper.insertValues(WalletMapper.toRow(id, entry)))
                        .forEach(entries::add);
            }
            WalletMapper.ENTRIES.rows(em, entries);
            if (counts != null) {
                heads.stream()
                        .flatMap(head -> head.pendingEntries().stream())
                        .forEach(entry -> counts.add(
                                "loyalty_points", "type", entry.type().name(), Math.abs(entry.points())));
            }
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).isPresent()) {
                throw new ConcurrentUpdateException("a wallet of " + heads.size() + " changed meanwhile");
            }
            throw e;
        }
    }

    /**
     * The wallet rows' new balances and next expiries, each only if still at its head's version, in
     * one statement on the transaction's connection (one statement each without one).
     */
    private void updateAll(List<WalletHead> heads) {
        java.sql.Connection connection = heads.size() > 1 ? NativeInsert.connection(em) : null;
        if (connection == null) {
            for (WalletHead head : heads) {
                update(head.customerId(), head.balance().value(), head.nextExpiry(), head.version());
            }
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE wallet w JOIN (");
        for (int i = 0; i < heads.size(); i++) {
            sql.append(
                    i == 0
                            ? "SELECT ? AS id, ? AS balance, ? AS next_expiry_at, ? AS version"
                            : " UNION ALL SELECT ?, ?, ?, ?");
        }
        sql.append(") v ON w.customer_id = v.id AND w.version = v.version"
                + " SET w.balance = v.balance, w.next_expiry_at = v.next_expiry_at, w.version = w.version + 1");
        try (java.sql.PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int position = 0;
            for (WalletHead head : heads) {
                update.setString(++position, head.customerId().toString());
                update.setLong(++position, head.balance().value());
                update.setObject(++position, UtcTimes.utc(head.nextExpiry().orElse(null)));
                update.setLong(++position, head.version());
            }
            int updated = update.executeUpdate();
            if (updated != heads.size()) {
                throw new ConcurrentUpdateException(
                        (heads.size() - updated) + " of " + heads.size() + " wallets changed meanwhile");
            }
        } catch (java.sql.SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static jakarta.persistence.Query bindAll(jakarta.persistence.Query query, List<String> values, int first) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(first + i, values.get(i));
        }
        return query;
    }

    /** The wallet row's new balance and next expiry, if it is still at {@code version}. */
    private void update(CustomerId customerId, long balance, Optional<Instant> nextExpiry, long version) {
        int updated = em.createNativeQuery("UPDATE wallet SET balance = ?, next_expiry_at = ?, version = version + 1"
                        + " WHERE customer_id = ? AND version = ?")
                .setParameter(1, balance)
                .setParameter(2, UtcTimes.utc(nextExpiry.orElse(null)))
                .setParameter(3, customerId.toString())
                .setParameter(4, version)
                .executeUpdate();
        if (updated != 1) {
            throw stale(customerId);
        }
    }

    /** The ledger is only ever appended to: rows in one statement, not managed entities. */
    private void append(String customerId, List<WalletEntry> entries) {
        WalletMapper.ENTRIES.rows(
                em,
                entries.stream()
                        .map(entry -> WalletMapper.insertValues(WalletMapper.toRow(customerId, entry)))
                        .toList());
        if (counts != null) {
            entries.forEach(
                    entry -> counts.add("loyalty_points", "type", entry.type().name(), Math.abs(entry.points())));
        }
    }

    private Optional<WalletJpaEntity> lockRow(String id) {
        return em.createQuery("SELECT w FROM WalletJpaEntity w WHERE w.customerId = :id", WalletJpaEntity.class)
                .setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(Locks.REFRESH, true)
                .getResultStream()
                .findFirst();
    }

    private List<WalletEntry> entriesOf(String id) {
        return em.createQuery(
                        "SELECT e FROM WalletEntryJpaEntity e WHERE e.customerId = :id ORDER BY e.sequence",
                        WalletEntryJpaEntity.class)
                .setParameter("id", id)
                .getResultStream()
                .map(WalletMapper::toDomain)
                .toList();
    }

    @Override
    public void save(Wallet wallet) {
        String id = wallet.customerId().toString();
        try {
            if (wallet.version() == 0) {
                em.persist(WalletMapper.toNewRow(wallet));
                em.flush();
            } else {
                update(wallet.customerId(), wallet.balance().value(), wallet.nextExpiry(), wallet.version());
            }
            append(id, wallet.pendingEntries());
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).isPresent()) {
                throw stale(wallet.customerId());
            }
            throw e;
        }
    }

    @Override
    public List<CustomerId> dueForExpiry(Instant now, int limit) {
        return em.createQuery(
                        """
                        SELECT w.customerId FROM WalletJpaEntity w
                        WHERE w.nextExpiryAt <= :now ORDER BY w.nextExpiryAt""",
                        String.class)
                .setParameter("now", UtcTimes.utc(now))
                .setMaxResults(limit)
                .getResultStream()
                .map(CustomerId::parse)
                .toList();
    }

    @Override
    public Points balanceOf(CustomerId customerId) {
        // A column read, not em.find: the row may be managed from an earlier read in this
        // transaction, and the saves move the balance by native UPDATEs it does not see.
        return Points.of(em.createQuery("SELECT w.balance FROM WalletJpaEntity w WHERE w.customerId = :id", Long.class)
                .setParameter("id", customerId.toString())
                .getResultStream()
                .findFirst()
                .orElse(0L));
    }

    @Override
    public List<WalletEntry> entries(CustomerId customerId, int offset, int limit) {
        return em.createQuery(
                        "SELECT e FROM WalletEntryJpaEntity e WHERE e.customerId = :id ORDER BY e.sequence DESC",
                        WalletEntryJpaEntity.class)
                .setParameter("id", customerId.toString())
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultStream()
                .map(WalletMapper::toDomain)
                .toList();
    }

    @Override
    public long entryCount(CustomerId customerId) {
        return em.createQuery("SELECT COUNT(e) FROM WalletEntryJpaEntity e WHERE e.customerId = :id", Long.class)
                .setParameter("id", customerId.toString())
                .getSingleResult();
    }

    private static ConcurrentUpdateException stale(CustomerId customerId) {
        return new ConcurrentUpdateException("the wallet of " + customerId + " was changed meanwhile");
    }
}
