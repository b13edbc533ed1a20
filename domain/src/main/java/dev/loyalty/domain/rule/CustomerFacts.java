package dev.loyalty.domain.rule;

import dev.loyalty.domain.customer.Customer;
import java.util.Objects;

/**
 * What a rule may ask about the customer beyond the event.
 *
 * @param customer the customer, with consents and enrolment
 * @param alreadyFired whether this rule has fired for this customer before
 */
public record CustomerFacts(Customer customer, boolean alreadyFired) {

    /** Checks the components. */
    public CustomerFacts {
        Objects.requireNonNull(customer, "customer");
    }
}
