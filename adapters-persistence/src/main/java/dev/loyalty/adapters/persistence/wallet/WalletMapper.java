package dev.loyalty.adapters.persistence.wallet;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletEntryType;
import dev.loyalty.domain.wallet.WalletHead;
import java.util.List;

/**
 * Between a {@link Wallet} (or its {@link WalletHead}) and its rows: the {@code wallet} row keeps
 * the cached balance, the version and the next expiry; each {@link WalletEntry} is a {@code
 * wallet_entry} row, appended through {@link #ENTRIES} with the values of {@link #insertValues}.
 */
final class WalletMapper {

    /** The append of ledger rows; {@link #insertValues} gives a row's values in this order. */
    static final NativeInsert ENTRIES = new NativeInsert(
            "wallet_entry",
            "customer_id",
            "sequence",
            "type",
            "points",
            "debt",
            "reason",
            "reference",
            "occurred_at",
            "expires_at");

    private WalletMapper() {}

    /** The row of a wallet saved for the first time (version 1). */
    static WalletJpaEntity toNewRow(Wallet wallet) {
        WalletJpaEntity row = new WalletJpaEntity();
        row.customerId = wallet.customerId().toString();
        row.balance = wallet.balance().value();
        row.version = 1;
        row.nextExpiryAt = UtcTimes.utc(wallet.nextExpiry().orElse(null));
        return row;
    }

    static Wallet toDomain(WalletJpaEntity row, List<WalletEntry> entries) {
        return Wallet.reconstitute(CustomerId.parse(row.customerId), entries, row.version);
    }

    static WalletHead toHead(WalletJpaEntity row, long lastSequence) {
        return new WalletHead(
                CustomerId.parse(row.customerId),
                row.balance,
                lastSequence,
                UtcTimes.instant(row.nextExpiryAt),
                row.version);
    }

    static WalletEntryJpaEntity toRow(String customerId, WalletEntry entry) {
        WalletEntryJpaEntity row = new WalletEntryJpaEntity();
        row.customerId = customerId;
        row.sequence = entry.sequence();
        row.type = entry.type().name();
        row.points = entry.points();
        row.debt = entry.debt();
        row.reason = entry.reason();
        row.reference = entry.reference();
        row.occurredAt = UtcTimes.utc(entry.occurredAt());
        row.expiresAt = UtcTimes.utc(entry.expiresAt());
        return row;
    }

    /** A ledger row's values in the column order of {@link #ENTRIES}. */
    static Object[] insertValues(WalletEntryJpaEntity row) {
        return new Object[] {
            row.customerId,
            row.sequence,
            row.type,
            row.points,
            row.debt,
            row.reason,
            row.reference,
            row.occurredAt,
            row.expiresAt
        };
    }

    static WalletEntry toDomain(WalletEntryJpaEntity row) {
        return new WalletEntry(
                row.sequence,
                WalletEntryType.valueOf(row.type),
                row.points,
                row.reason,
                row.reference,
                UtcTimes.instant(row.occurredAt),
                UtcTimes.instant(row.expiresAt),
                row.debt);
    }
}
