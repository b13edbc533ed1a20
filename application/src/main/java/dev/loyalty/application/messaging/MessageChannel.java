package dev.loyalty.application.messaging;

/** How a message reaches a customer. */
public enum MessageChannel {
    SMS,
    EMAIL,
    PUSH,
    /** Printed on the next receipt or quote at a till of the programme. */
    PRINT_AT_TILL
}
