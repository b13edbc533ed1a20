package dev.loyalty.application.shared;

import java.time.Duration;
import java.util.Optional;

/** The programme's settings that are configuration rather than data. */
public interface ProgrammeSettings {

    /** The shortest points validity accepted: longer than the 30 days a purchase may be backdated. */
    Duration MIN_POINTS_VALIDITY = Duration.ofDays(31);

    /**
     * @return how long earned points stay valid from the purchase that earned them (at least
     *     {@link #MIN_POINTS_VALIDITY}), or empty when points never expire
     */
    Optional<Duration> pointsValidity();

    /** How old an offline purchase may be when its till uploads it, by default. */
    Duration DEFAULT_OFFLINE_MAX_AGE = Duration.ofDays(7);

    /**
     * @return how old a purchase a till recorded offline may be when it is uploaded (1 to 30 days)
     */
    default Duration offlineMaxAge() {
        return DEFAULT_OFFLINE_MAX_AGE;
    }
}
