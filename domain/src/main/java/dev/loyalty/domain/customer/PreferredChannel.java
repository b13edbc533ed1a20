package dev.loyalty.domain.customer;

/**
 * How a customer prefers to be contacted. {@link #SMS} requires a phone number and
 * {@link #EMAIL} an e-mail address; {@link #NONE} means no preference.
 */
public enum PreferredChannel {
    /** Text messages to the customer's phone. */
    SMS,
    /** E-mail to the customer's address. */
    EMAIL,
    /** Push notifications through the app. */
    PUSH,
    /** No preferred channel. */
    NONE
}
