package dev.loyalty.application.wallet;

import dev.loyalty.application.checkout.PointsHolds.PendingStep;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.WalletEntry;
import java.util.List;

/**
 * One page of a wallet's ledger, newest first, with the balance and how many entries there are;
 * beside it the points still pending (issue 18) and a page of the pending transfers' steps.
 *
 * @param balance the current balance (spendable)
 * @param entries the entries of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalEntries every entry of the ledger
 * @param pending the points held for orders that can still be cancelled (not spendable)
 * @param pendingEntries the same page of the steps of pending transfers (PENDING, POSTED, VOIDED), newest first
 * @param totalPendingEntries every such step
 */
public record WalletStatement(
        Points balance,
        List<WalletEntry> entries,
        int page,
        int size,
        long totalEntries,
        Points pending,
        List<PendingStep> pendingEntries,
        long totalPendingEntries) {

    public WalletStatement {
        entries = List.copyOf(entries);
        pendingEntries = List.copyOf(pendingEntries);
    }

    /** A statement without pending points. */
    public WalletStatement(Points balance, List<WalletEntry> entries, int page, int size, long totalEntries) {
        this(balance, entries, page, size, totalEntries, Points.ZERO, List.of(), 0);
    }
}
