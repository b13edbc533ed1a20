package dev.loyalty.domain.segment;

import dev.loyalty.domain.shared.DomainException;

/** Another segment already has the name. Code {@value #CODE}. */
public class SegmentNameTakenException extends DomainException {

    public static final String CODE = "segment-name-taken";

    public SegmentNameTakenException() {
        super("another segment already has this name");
    }

    @Override
    public String code() {
        return CODE;
    }
}
