package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.DomainException;

/** A purchase whose pending points cannot be posted: the purchase was cancelled or wholly returned while its points were pending: they were voided. Code {@value #CODE}. */
public class PurchaseCancelledException extends DomainException {

    /** The machine code. */
    public static final String CODE = "purchase-cancelled";

    /** @param purchaseId the purchase */
    public PurchaseCancelledException(PurchaseId purchaseId) {
        super("purchase " + purchaseId
                + ": the purchase was cancelled or wholly returned while its points were pending: they were voided");
    }

    @Override
    public String code() {
        return CODE;
    }
}
