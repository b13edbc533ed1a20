package dev.loyalty.domain.tier;

/** Why a customer's tier changed. */
public enum TierChangeCause {
    /** A purchase took the qualifying metric over a higher tier's threshold. */
    PURCHASE,
    /** The periodic review: a threshold crossed otherwise (history, a changed programme) or a downgrade. */
    REVIEW,
    /** An administrator set the tier by hand, with a reason. */
    ADMIN,
    /** The programme changed and no longer has the customer's tier: placed by the qualifying metric. */
    PROGRAMME
}
