package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.DomainException;

/** No purchase has the id asked for (or the caller may not know it exists). Code {@value #CODE}. */
public class PurchaseNotFoundException extends DomainException {

    /** The machine code. */
    public static final String CODE = "purchase-not-found";

    /** @param detail why */
    public PurchaseNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
