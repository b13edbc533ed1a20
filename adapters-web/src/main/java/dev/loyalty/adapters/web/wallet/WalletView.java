package dev.loyalty.adapters.web.wallet;

import dev.loyalty.application.checkout.PointsHolds;
import dev.loyalty.application.wallet.WalletStatement;
import dev.loyalty.domain.wallet.WalletEntry;
import java.time.Instant;
import java.util.List;

/**
 * A page of a wallet as the API shows it: balance (spendable), entries newest first, paging; beside
 * them {@code pending}, the points of orders that can still be cancelled (not spendable), and the
 * same page of {@code pendingEntries}: the steps of those transfers, PENDING when held, POSTED when
 * credited (the EARN entry of the ledger), VOIDED when a cancellation or refund took them.
 */
public record WalletView(
        long balance,
        List<Entry> entries,
        int page,
        int size,
        long totalEntries,
        long pending,
        List<PendingEntry> pendingEntries,
        long totalPendingEntries) {

    static WalletView of(WalletStatement statement) {
        return new WalletView(
                statement.balance().value(),
                statement.entries().stream().map(Entry::of).toList(),
                statement.page(),
                statement.size(),
                statement.totalEntries(),
                statement.pending().value(),
                statement.pendingEntries().stream().map(PendingEntry::of).toList(),
                statement.totalPendingEntries());
    }

    /** One step of a pending transfer: its status, the points, why, the purchase, when it posts by itself. */
    public record PendingEntry(
            String status, long points, String reason, String reference, Instant postAt, Instant occurredAt) {

        static PendingEntry of(PointsHolds.PendingStep step) {
            return new PendingEntry(
                    step.status().name(),
                    step.points(),
                    step.reason(),
                    step.reference(),
                    step.postAt(),
                    step.occurredAt());
        }
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
