package dev.loyalty.domain.messaging;

/**
 * Where a message is. QUEUED until a gateway accepts it (SENT), which a provider may later confirm
 * (DELIVERED); FAILED after the last attempt (a dead letter an administrator may queue again);
 * SUPPRESSED when a rule stopped it (no consent, no reachable channel, pressure), always with the
 * reason.
 */
public enum MessageStatus {
    QUEUED,
    SENT,
    DELIVERED,
    FAILED,
    SUPPRESSED;

    /** @return whether nothing more will happen to the message by itself */
    public boolean isFinal() {
        return this != QUEUED;
    }
}
