package dev.loyalty.application.messaging;

import dev.loyalty.domain.shared.DomainException;

/** No template has this name (in any language asked for). Code {@value #CODE}. */
public class MessageTemplateNotFoundException extends DomainException {

    /** The machine code. */
    public static final String CODE = "message-template-not-found";

    /** @param name the name looked for */
    public MessageTemplateNotFoundException(String name) {
        super("no message template is named " + name + " in the languages asked for");
    }

    @Override
    public String code() {
        return CODE;
    }
}
