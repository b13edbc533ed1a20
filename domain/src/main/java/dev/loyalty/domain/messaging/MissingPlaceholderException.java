package dev.loyalty.domain.messaging;

import dev.loyalty.domain.shared.DomainException;

/** A message's text uses a placeholder nobody gave a value for. Code {@value #CODE}. */
public class MissingPlaceholderException extends DomainException {

    /** The machine code. */
    public static final String CODE = "message-placeholder-missing";

    private final String placeholder;

    /** @param placeholder the name without a value */
    public MissingPlaceholderException(String placeholder) {
        super("the message uses {" + placeholder + "}, which has no value");
        this.placeholder = placeholder;
    }

    /** @return the name without a value */
    public String placeholder() {
        return placeholder;
    }

    @Override
    public String code() {
        return CODE;
    }
}
