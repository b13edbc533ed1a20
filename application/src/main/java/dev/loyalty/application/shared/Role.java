package dev.loyalty.application.shared;

/**
 * The kind of caller, as given by the {@code groups} claim of its token.
 */
public enum Role {
    /** The back-office console: may do anything. */
    ADMIN,
    /** A checkout terminal: acts only for its own store. */
    TERMINAL,
    /** The app acting for one customer: sees and changes only that customer. */
    CUSTOMER,
    /** A trusted system pushing events and sign-ups. */
    INTEGRATION
}
