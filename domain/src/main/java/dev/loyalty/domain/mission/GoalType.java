package dev.loyalty.domain.mission;

/** What a mission counts. */
public enum GoalType {
    /** Events of one type ("install the app", "complete the profile"). */
    EVENT_COUNT,
    /** Purchases. */
    PURCHASE_COUNT,
    /** Net spend of purchases, in cents. */
    SPEND,
    /** Purchases that include a line of one category. */
    CATEGORY_PURCHASE
}
