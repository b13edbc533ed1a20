package dev.loyalty.adapters.web.purchase;

import dev.loyalty.adapters.web.checkout.PrintBlock;
import dev.loyalty.adapters.web.tier.TierView;
import dev.loyalty.application.checkout.PurchaseReceipt;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseLine;
import dev.loyalty.domain.shared.Points;
import java.util.List;

/**
 * A recorded purchase: what the till prints (points awarded, the codes of the coupons redeemed and
 * what each took off, the balance, the customer's tier after it and, when this purchase moved it,
 * {@code tierChanged}, so the cashier can say so) and, for a refund, its lines with what is left to
 * give back, and the customer's messages the till prints on the receipt. An order whose points are
 * pending (issue 18) says so: {@code pointsPending} and {@code postAt}; its {@code walletBalance} is
 * the spendable balance, without them. Amounts in cents. The purchase earned by the tier in force before it; a new tier's
 * multiplier applies from the next purchase.
 */
public record PurchaseView(
        String purchaseId,
        String storeId,
        String receiptId,
        String customerId,
        String channel,
        String occurredAt,
        long pointsAwarded,
        List<String> couponsRedeemed,
        List<RedeemedCouponView> couponDiscounts,
        Long walletBalance,
        PurchaseTotals totals,
        List<PurchaseLineView> lines,
        ReversedSoFar reversed,
        TierView tier,
        TierChange tierChanged,
        List<PrintBlock> print,
        List<String> couponConflicts,
        Long pointsPending,
        String postAt) {

    static PurchaseView of(PurchaseReceipt receipt, String currency) {
        PurchaseView view = of(
                receipt.purchase(),
                receipt.gross().cents(),
                receipt.discount().cents(),
                receipt.walletBalance().map(Points::value).orElse(null));
        return new PurchaseView(
                view.purchaseId,
                view.storeId,
                view.receiptId,
                view.customerId,
                view.channel,
                view.occurredAt,
                view.pointsAwarded,
                view.couponsRedeemed,
                view.couponDiscounts,
                view.walletBalance,
                view.totals,
                view.lines,
                view.reversed,
                receipt.tier()
                        .standing()
                        .map(standing -> TierView.of(standing, currency))
                        .orElse(null),
                receipt.tier()
                        .change()
                        .map(change -> new TierChange(change.from(), change.to()))
                        .orElse(null),
                PrintBlock.of(receipt.printed()),
                receipt.couponConflicts().isEmpty() ? null : receipt.couponConflicts(),
                receipt.pendingUntil().isPresent()
                        ? receipt.purchase().pointsAwarded().value()
                        : null,
                receipt.pendingUntil().map(Object::toString).orElse(null));
    }

    static PurchaseView of(Purchase purchase, long gross, long discount, Long balance) {
        return new PurchaseView(
                purchase.id().toString(),
                purchase.storeId(),
                purchase.receiptId(),
                purchase.customerId().map(CustomerId::toString).orElse(null),
                purchase.channel().name(),
                purchase.occurredAt().toString(),
                purchase.pointsAwarded().value(),
                purchase.coupons().stream().map(c -> c.code().value()).toList(),
                purchase.coupons().stream()
                        .map(c -> new RedeemedCouponView(
                                c.code().value(), c.discount().cents()))
                        .toList(),
                balance,
                new PurchaseTotals(
                        gross,
                        discount,
                        gross - discount,
                        purchase.totalPaid().cents(),
                        purchase.totalPaid().currency().getCurrencyCode()),
                purchase.lines().stream().map(PurchaseLineView::of).toList(),
                new ReversedSoFar(
                        purchase.reversals(),
                        purchase.pointsReversed().value(),
                        purchase.amountReversed().cents(),
                        purchase.isWhollyReversed()),
                null,
                null,
                List.of(),
                null,
                null,
                null);
    }

    public static PurchaseView of(Purchase purchase) {
        long gross = purchase.lines().stream()
                .mapToLong(l -> l.line().total().cents())
                .sum();
        long discount = purchase.lines().stream()
                .mapToLong(l -> l.line().total().cents() - l.net().cents())
                .sum();
        return of(purchase, gross, discount, null);
    }

    /** A coupon redeemed and the discount it gave. */
    public record RedeemedCouponView(String code, long discount) {}

    /** The lines before discounts, the coupon discounts, the net, and what the till says was paid. */
    public record PurchaseTotals(long gross, long discount, long net, long totalPaid, String currency) {}

    /** One line and how many of its units were given back. */
    public record PurchaseLineView(
            int lineNumber,
            String sku,
            String category,
            int quantity,
            long unitPrice,
            long discount,
            long net,
            int reversedQuantity) {

        static PurchaseLineView of(PurchaseLine line) {
            return new PurchaseLineView(
                    line.number(),
                    line.line().sku(),
                    line.line().category(),
                    line.line().quantity(),
                    line.line().unitPrice().cents(),
                    line.discount().cents(),
                    line.net().cents(),
                    line.reversedQuantity());
        }
    }

    /** The tier a purchase took the customer from and to. */
    public record TierChange(String from, String to) {}

    /** What reversals gave back so far. */
    public record ReversedSoFar(int reversals, long points, long amount, boolean whollyReversed) {}
}
