package dev.loyalty.application.tier;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.tier.TierStanding;
import java.util.List;
import java.util.Optional;

/** Driving port: where a customer stands in the tier programme, and how they got there. */
public interface TierQuery {

    /**
     * @return where the customer stands now; empty when there is no tier programme
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException for another customer's app
     */
    Optional<TierStanding> standing(CustomerId customerId, Actor actor);

    /**
     * @return the customer's tier changes, newest first (at most {@value #HISTORY_LIMIT})
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException for an unknown customer
     */
    List<TierHistoryEntry> history(CustomerId customerId, Actor actor);

    /** The most history entries answered. */
    int HISTORY_LIMIT = 500;
}
