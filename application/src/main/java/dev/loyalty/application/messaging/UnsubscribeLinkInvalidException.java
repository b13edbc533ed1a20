package dev.loyalty.application.messaging;

import dev.loyalty.domain.shared.DomainException;

/** An unsubscribe link that this service did not sign (altered or truncated). Code {@value #CODE}. */
public class UnsubscribeLinkInvalidException extends DomainException {

    /** The machine code. */
    public static final String CODE = "unsubscribe-link-invalid";

    public UnsubscribeLinkInvalidException() {
        super("this unsubscribe link is not valid; use the link of the message as it was received");
    }

    @Override
    public String code() {
        return CODE;
    }
}
