package dev.loyalty.application.messaging;

import dev.loyalty.domain.shared.DomainException;

/** No message has this id (or none the caller may see). Code {@value #CODE}. */
public class MessageNotFoundException extends DomainException {

    /** The machine code. */
    public static final String CODE = "message-not-found";

    public MessageNotFoundException() {
        super("no message has this id");
    }

    @Override
    public String code() {
        return CODE;
    }
}
