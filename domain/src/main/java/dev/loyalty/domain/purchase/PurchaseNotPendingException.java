package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.DomainException;

/**
 * A confirmation of a purchase whose points were never pending (a store purchase, an order past its
 * return window, a purchase without customer or points): they were credited when it was recorded.
 * Code {@value #CODE}.
 */
public class PurchaseNotPendingException extends DomainException {

    /** The machine code. */
    public static final String CODE = "purchase-not-pending";

    /** @param purchaseId the purchase */
    public PurchaseNotPendingException(PurchaseId purchaseId) {
        super("purchase " + purchaseId + " has no pending points: they were credited when it was recorded");
    }

    @Override
    public String code() {
        return CODE;
    }
}
