package dev.loyalty.application.checkout;

import dev.loyalty.application.messaging.PrintableMessage;
import dev.loyalty.application.tier.TierOutcome;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import java.util.List;
import java.util.Optional;

/**
 * A recorded purchase as the till needs to print it.
 *
 * @param purchase the purchase (its points awarded and coupons redeemed)
 * @param gross the lines' total
 * @param discount the coupon discounts
 * @param walletBalance the customer's balance after the purchase; empty for an anonymous purchase
 * @param tier the customer's tier after the purchase and the change it made, if any
 * @param printed the customer's {@code PRINT_AT_TILL} messages this purchase printed (delivered with it),
 *     oldest first; none for a purchase that is not at a till or of no customer
 * @param pendingUntil when the purchase's points are pending (issue 18): until when; empty when they
 *     were credited (then they are in {@code walletBalance})
 */
public record PurchaseReceipt(
        Purchase purchase,
        Money gross,
        Money discount,
        Optional<Points> walletBalance,
        TierOutcome tier,
        List<PrintableMessage> printed,
        List<String> couponConflicts,
        Optional<java.time.Instant> pendingUntil) {

    public PurchaseReceipt {
        printed = List.copyOf(printed);
        couponConflicts = List.copyOf(couponConflicts);
        pendingUntil = pendingUntil == null ? Optional.empty() : pendingUntil;
    }

    /** A receipt whose points were credited at once. */
    public PurchaseReceipt(
            Purchase purchase,
            Money gross,
            Money discount,
            Optional<Points> walletBalance,
            TierOutcome tier,
            List<PrintableMessage> printed,
            List<String> couponConflicts) {
        this(purchase, gross, discount, walletBalance, tier, printed, couponConflicts, Optional.empty());
    }

    /**
     * @param until until when its points are pending, or empty
     * @return this receipt so
     */
    public PurchaseReceipt heldUntil(Optional<java.time.Instant> until) {
        return new PurchaseReceipt(purchase, gross, discount, walletBalance, tier, printed, couponConflicts, until);
    }

    /** A receipt without coupon conflicts. */
    public PurchaseReceipt(
            Purchase purchase,
            Money gross,
            Money discount,
            Optional<Points> walletBalance,
            TierOutcome tier,
            List<PrintableMessage> printed) {
        this(purchase, gross, discount, walletBalance, tier, printed, List.of());
    }

    /** A receipt without tier programme that printed nothing. */
    public PurchaseReceipt(Purchase purchase, Money gross, Money discount, Optional<Points> walletBalance) {
        this(purchase, gross, discount, walletBalance, TierOutcome.none(), List.of());
    }
}
