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

    /** How long an online order's points stay pending by default (issue 18). */
    Duration DEFAULT_PENDING_HOLD = Duration.ofDays(14);

    /** The longest hold: {@code LOYALTY_PENDING_DAYS} and a purchase's {@code postAt} stay within it. */
    Duration MAX_PENDING_HOLD = Duration.ofDays(90);

    /**
     * @return how long after it occurred an online order's points stay pending (0 to 90 days; zero:
     *     online orders earn at once, like store purchases)
     */
    default Duration pendingHold() {
        return DEFAULT_PENDING_HOLD;
    }
}
