package dev.loyalty.application.metrics;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;

/** Driving port: reading the single customer view. */
public interface CustomerProfileQuery {

    /**
     * The whole view (the console's).
     *
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException for an unknown customer
     */
    CustomerProfile profile(CustomerId customer, Actor actor);

    /**
     * The calling customer's own view (what of it a customer may see is the adapter's choice).
     *
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but a customer
     */
    CustomerProfile myProfile(Actor actor);
}
