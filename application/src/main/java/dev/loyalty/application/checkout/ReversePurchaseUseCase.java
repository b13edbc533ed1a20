package dev.loyalty.application.checkout;

/**
 * Gives units of a purchase back in one transaction: the points they earned are taken back (pro
 * rata, see {@link dev.loyalty.domain.purchase.Purchase}; what was spent meanwhile is clawed back to
 * zero and recorded as debt, see {@link dev.loyalty.domain.wallet.Wallet}), and once the whole
 * purchase is given back its coupons are usable again if still valid.
 */
public interface ReversePurchaseUseCase {

    /**
     * @throws dev.loyalty.domain.purchase.PurchaseNotFoundException when there is no such purchase
     * @throws dev.loyalty.domain.purchase.ReversalExceedsPurchaseException when more units are named than are left
     * @throws dev.loyalty.domain.shared.AccessDeniedException for a terminal of another store, or a customer
     */
    ReversalReceipt reverse(ReversePurchaseCommand command);
}
