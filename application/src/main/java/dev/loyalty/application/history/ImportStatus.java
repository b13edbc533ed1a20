package dev.loyalty.application.history;

/** Where an import stands. */
public enum ImportStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
