package dev.loyalty.application.messaging;

import dev.loyalty.domain.messaging.Channel;

/** How a message reaches a customer. */
public enum MessageChannel {
    SMS,
    EMAIL,
    PUSH,
    /** Printed on the next receipt or quote at a till of the programme. */
    PRINT_AT_TILL,
    /** On the call list of the customer's store, for its staff to phone (high-value customers). */
    STAFF_CALL;

    /** @return the domain's channel of the same name */
    public Channel channel() {
        return Channel.valueOf(name());
    }
}
