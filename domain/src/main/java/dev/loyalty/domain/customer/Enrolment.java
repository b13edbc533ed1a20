package dev.loyalty.domain.customer;

import java.util.Objects;

/**
 * The outcome of {@link Customer#enrol}: the new member and the event announcing it.
 *
 * @param customer the new customer, version 0
 * @param event what happened
 */
public record Enrolment(Customer customer, CustomerEnrolled event) {

    /** Checks both parts are present. */
    public Enrolment {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(event, "event");
    }
}
