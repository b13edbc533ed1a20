package dev.loyalty.application.campaign;

/** Where a campaign run is: RUNNING (until its last page), COMPLETED, or FAILED with an error. */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
