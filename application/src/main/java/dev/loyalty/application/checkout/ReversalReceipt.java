package dev.loyalty.application.checkout;

import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import java.util.List;
import java.util.Optional;

/**
 * What a reversal did.
 *
 * @param purchase the purchase after it
 * @param amount the net amount of the units given back by this reversal
 * @param pointsReversed the points taken from the wallet by this reversal
 * @param pointsDebt the points that could not be taken because they were spent already
 * @param couponsRestored the coupons usable again (still valid)
 * @param couponsExpired the coupons given back but past their validity
 * @param walletBalance the customer's balance after it; empty for an anonymous purchase
 */
public record ReversalReceipt(
        Purchase purchase,
        Money amount,
        Points pointsReversed,
        Points pointsDebt,
        List<String> couponsRestored,
        List<String> couponsExpired,
        Optional<Points> walletBalance) {

    /** Copies the lists. */
    public ReversalReceipt {
        couponsRestored = List.copyOf(couponsRestored);
        couponsExpired = List.copyOf(couponsExpired);
    }
}
