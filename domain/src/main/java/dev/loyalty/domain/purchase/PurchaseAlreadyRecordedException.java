package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.DomainException;

/**
 * A store's receipt can be recorded once: another purchase has the same store and receipt id.
 * Code {@value #CODE}.
 */
public class PurchaseAlreadyRecordedException extends DomainException {

    /** The machine code. */
    public static final String CODE = "purchase-already-recorded";

    /**
     * @param storeId the store
     * @param receiptId its receipt
     */
    public PurchaseAlreadyRecordedException(String storeId, String receiptId) {
        super("receipt " + receiptId + " of store " + storeId + " is already recorded");
    }

    @Override
    public String code() {
        return CODE;
    }
}
