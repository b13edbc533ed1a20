package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.purchase.PurchaseId;

/** Driving port: an online shop confirms an order (no longer cancellable): its pending points post now. */
public interface ConfirmPurchaseUseCase {

    /**
     * @return what was posted
     * @throws dev.loyalty.domain.purchase.PurchaseNotFoundException no such purchase (or not the caller's)
     * @throws dev.loyalty.domain.purchase.PurchaseCancelledException cancelled or wholly returned while pending
     * @throws dev.loyalty.domain.purchase.PointsAlreadyPostedException posted already
     * @throws dev.loyalty.domain.purchase.PurchaseNotPendingException its points were never pending
     */
    Confirmation confirm(PurchaseId purchaseId, Actor actor);

    /**
     * @param purchaseId the purchase
     * @param posted the points credited now
     * @param walletBalance the customer's spendable balance after it
     * @param pending the customer's points still pending (other orders)
     */
    record Confirmation(PurchaseId purchaseId, long posted, long walletBalance, long pending) {}
}
