package dev.loyalty.domain.segment;

import dev.loyalty.domain.shared.DomainException;

/** No segment (or snapshot of one) has the given id. Code {@value #CODE}. */
public class SegmentNotFoundException extends DomainException {

    public static final String CODE = "segment-not-found";

    /** @param detail what was looked for */
    public SegmentNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return CODE;
    }
}
