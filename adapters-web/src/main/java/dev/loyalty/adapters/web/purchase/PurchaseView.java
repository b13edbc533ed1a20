package dev.loyalty.adapters.web.purchase;

import dev.loyalty.application.checkout.PurchaseReceipt;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseLine;
import dev.loyalty.domain.shared.Points;
import java.util.List;

/**
 * A recorded purchase: what the till prints (points awarded, the codes of the coupons redeemed and
 * what each took off, the balance) and,
 * for a refund, its lines with what is left to give back. Amounts in cents.
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
        ReversedSoFar reversed) {

    static PurchaseView of(PurchaseReceipt receipt) {
        return of(
                receipt.purchase(),
                receipt.gross().cents(),
                receipt.discount().cents(),
                receipt.walletBalance().map(Points::value).orElse(null));
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
                        purchase.isWhollyReversed()));
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

    /** What reversals gave back so far. */
    public record ReversedSoFar(int reversals, long points, long amount, boolean whollyReversed) {}
}
