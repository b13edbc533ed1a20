package dev.loyalty.adapters.web.wallet;

import dev.loyalty.application.wallet.WalletStatement;
import dev.loyalty.domain.wallet.WalletEntry;
import java.time.Instant;
import java.util.List;

/** A page of a wallet as the API shows it: balance, entries newest first, paging. */
public record WalletView(long balance, List<Entry> entries, int page, int size, long totalEntries) {

    static WalletView of(WalletStatement statement) {
        return new WalletView(
                statement.balance().value(),
                statement.entries().stream().map(Entry::of).toList(),
                statement.page(),
                statement.size(),
                statement.totalEntries());
    }

    /** One ledger entry: signed points, why, what it refers to, when; a debt only on a clawback. */
    public record Entry(
            String type,
            long points,
            String reason,
            String reference,
            Instant occurredAt,
            Instant expiresAt,
            Long debt) {

        public static Entry of(WalletEntry entry) {
            return new Entry(
                    entry.type().name(),
                    entry.points(),
                    entry.reason(),
                    entry.reference(),
                    entry.occurredAt(),
                    entry.expiresAt(),
                    entry.debt() == 0 ? null : entry.debt());
        }
    }
}
