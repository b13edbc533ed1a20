package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseId;

/** Reads a recorded purchase (e.g. the till finding the receipt to refund). */
public interface PurchaseQuery {

    /**
     * @return the purchase, for the console, integrations, a terminal of its store, or its own
     *     customer
     * @throws dev.loyalty.domain.purchase.PurchaseNotFoundException when there is no such purchase, or it is
     *     another customer's
     * @throws dev.loyalty.domain.shared.AccessDeniedException for a terminal of another store
     */
    Purchase purchase(PurchaseId id, Actor actor);
}
