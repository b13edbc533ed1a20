package dev.loyalty.application.wallet;

import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.WalletEntry;
import java.util.List;

/**
 * One page of a wallet's ledger, newest first, with the balance and how many entries there are.
 *
 * @param balance the current balance
 * @param entries the entries of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalEntries every entry of the ledger
 */
public record WalletStatement(Points balance, List<WalletEntry> entries, int page, int size, long totalEntries) {

    public WalletStatement {
        entries = List.copyOf(entries);
    }
}
