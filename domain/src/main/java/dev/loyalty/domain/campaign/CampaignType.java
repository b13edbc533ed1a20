package dev.loyalty.domain.campaign;

/** What a campaign's run targets and how it computes its offer. */
public enum CampaignType {
    /** The company's own calendar: the audience's snapshot at the scheduled instant. */
    CALENDAR,
    /** "On a clock": customers about to run out of a product they buy. */
    REPLENISHMENT,
    /** The audience, with offer figures computed from each customer's metrics. */
    PERSONAL_OFFER,
    /** An earlier campaign's treatment members that responded or did not. */
    FOLLOW_UP
}
