package dev.loyalty.application.customer;

import dev.loyalty.application.shared.Actor;

/**
 * Driving port: identify a customer at the till by card, phone and/or e-mail, with the balance,
 * pending points and tier standing the till shows. Reads only, without a transaction unless a tier
 * programme needs a consistent read of the standing.
 */
public interface TillLookupQuery {

    /**
     * @param criteria card, phone and/or e-mail; all given must designate the same customer
     * @param actor the caller
     * @return the customer's summary
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException when none, the criteria disagree, or
     *     the caller may not see the customer
     */
    TillLookup lookup(CustomerLookup criteria, Actor actor);
}
