package dev.loyalty.domain.campaign;

/**
 * Where a campaign is in its life: DRAFT -> SCHEDULED (launched) -> RUNNING (a run in progress)
 * -> COMPLETED (its last run's attribution window closed); PAUSED and CANCELLED by the console.
 */
public enum CampaignStatus {
    DRAFT,
    SCHEDULED,
    RUNNING,
    PAUSED,
    COMPLETED,
    CANCELLED;

    /** @return whether runs may start (launched, not paused, not over) */
    public boolean runnable() {
        return this == SCHEDULED || this == RUNNING;
    }

    /** @return whether nothing more can happen to the campaign */
    public boolean over() {
        return this == COMPLETED || this == CANCELLED;
    }
}
