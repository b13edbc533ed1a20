package dev.loyalty.domain.customer;

/**
 * A purpose a customer may consent to (GDPR). Each purpose is granted or withdrawn on its own.
 */
public enum ConsentPurpose {
    /** Marketing messages by e-mail. */
    MARKETING_EMAIL,
    /** Marketing messages by SMS. */
    MARKETING_SMS,
    /** Marketing push notifications. */
    MARKETING_PUSH,
    /** Profiling of purchases for personalised offers. */
    PROFILING
}
