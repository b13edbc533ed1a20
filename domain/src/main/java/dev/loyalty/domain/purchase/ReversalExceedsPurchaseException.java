package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.DomainException;

/**
 * A reversal names a line the purchase does not have, or more units than are left to reverse.
 * Code {@value #CODE}.
 */
public class ReversalExceedsPurchaseException extends DomainException {

    /** The machine code. */
    public static final String CODE = "reversal-exceeds-purchase";

    /** @param detail which line and by how much */
    public ReversalExceedsPurchaseException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
