package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesHistory;
import java.time.Instant;

/** Driving port: the console reads the versions of the earning rules and schedules a new one. */
public interface EarningRulesUseCases {

    /** @return every version, the one in force now included (administrators) */
    EarningRulesHistory history(Actor actor);

    /** @return the version in force now (administrators) */
    EarningRules current(Actor actor);

    /**
     * Adds a version (administrators).
     *
     * @param version the new rules; its {@code effectiveFrom} is now or later
     * @return the version stored
     */
    EarningRules schedule(EarningRules version, Actor actor);

    /** @return when a version given without a date takes effect: now */
    Instant now();
}
