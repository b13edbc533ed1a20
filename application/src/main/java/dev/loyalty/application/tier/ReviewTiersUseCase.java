package dev.loyalty.application.tier;

import dev.loyalty.application.shared.Actor;
import java.time.Instant;

/**
 * Driving port: an operator runs the tier review as of an instant (the scheduled review runs it
 * daily), e.g. to catch up after an outage, or in a test to stand for a date to come.
 */
public interface ReviewTiersUseCase {

    /**
     * Runs (or goes on with) the review for {@code at} until every customer is reviewed.
     *
     * @return the run's totals
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     * @throws dev.loyalty.domain.tier.TierProgrammeMissingException before any programme is set
     */
    ReviewProgress review(Instant at, Actor actor);
}
