package dev.loyalty.adapters.web.purchase;

import dev.loyalty.application.checkout.ReversalReceipt;
import dev.loyalty.domain.shared.Points;
import java.util.List;

/**
 * What one reversal did: the net amount of the units given back (cents), the points taken from
 * the wallet and those that could not be because they were spent already (debt), the coupons usable
 * again (or given back expired), the balance after it, and the purchase as it now stands.
 */
public record ReversalView(
        String purchaseId,
        long amount,
        long pointsReversed,
        long pointsDebt,
        List<String> couponsRestored,
        List<String> couponsExpired,
        Long walletBalance,
        PurchaseView purchase) {

    static ReversalView of(ReversalReceipt receipt) {
        return new ReversalView(
                receipt.purchase().id().toString(),
                receipt.amount().cents(),
                receipt.pointsReversed().value(),
                receipt.pointsDebt().value(),
                receipt.couponsRestored(),
                receipt.couponsExpired(),
                receipt.walletBalance().map(Points::value).orElse(null),
                PurchaseView.of(receipt.purchase()));
    }
}
