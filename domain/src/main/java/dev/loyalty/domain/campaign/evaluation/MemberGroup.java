package dev.loyalty.domain.campaign.evaluation;

/** The side of the experiment a campaign member is on: offered (treatment) or held out (control). */
public enum MemberGroup {
    TREATMENT,
    CONTROL
}
