package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.DomainException;

/** A purchase whose pending points cannot be posted: the purchase's pending points were posted already (confirmed, or their postAt came). Code {@value #CODE}. */
public class PointsAlreadyPostedException extends DomainException {

    /** The machine code. */
    public static final String CODE = "points-already-posted";

    /** @param purchaseId the purchase */
    public PointsAlreadyPostedException(PurchaseId purchaseId) {
        super("purchase " + purchaseId
                + ": the purchase's pending points were posted already (confirmed, or their postAt came)");
    }

    @Override
    public String code() {
        return CODE;
    }
}
