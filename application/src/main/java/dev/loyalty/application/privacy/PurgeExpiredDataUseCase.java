package dev.loyalty.application.privacy;

import dev.loyalty.application.shared.Actor;

/** Driving port: removes what is past its retention period (daily, or when the console asks). */
public interface PurgeExpiredDataUseCase {

    /**
     * @return what was removed
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     */
    PurgeReport purge(Actor actor);

    /** The daily run: the same, on the clock. */
    PurgeReport purgeScheduled();
}
