package dev.loyalty.application.customer;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;

/**
 * Driving port: find a customer by identity or identify one at the till. A customer caller
 * only ever finds itself; anything else is "not found", so existence does not leak.
 */
public interface FindCustomerQuery {

    /**
     * @param id the identity
     * @param actor the caller
     * @return the customer
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException when none, or not visible to the caller
     */
    Customer byId(CustomerId id, Actor actor);

    /**
     * @param criteria card, phone and/or e-mail; all given must designate the same customer
     * @param actor the caller
     * @return the customer
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException when none, or the criteria disagree
     */
    Customer lookup(CustomerLookup criteria, Actor actor);
}
