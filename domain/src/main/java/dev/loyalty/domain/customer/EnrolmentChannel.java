package dev.loyalty.domain.customer;

/**
 * Where a customer enrolled. {@link #STORE} enrolments always name the store.
 */
public enum EnrolmentChannel {
    /** At a checkout terminal in a store. */
    STORE,
    /** In the mobile app. */
    APP,
    /** On the website. */
    WEB
}
