package dev.loyalty.application.messaging;

import dev.loyalty.domain.messaging.MessageStatus;
import dev.loyalty.domain.shared.DomainException;

/** Only a dead letter (FAILED) can be queued again. Code {@value #CODE}. */
public class MessageNotRetryableException extends DomainException {

    /** The machine code. */
    public static final String CODE = "message-not-retryable";

    /** @param status the message's status */
    public MessageNotRetryableException(MessageStatus status) {
        super("the message is " + status + "; only a FAILED message can be queued again");
    }

    @Override
    public String code() {
        return CODE;
    }
}
