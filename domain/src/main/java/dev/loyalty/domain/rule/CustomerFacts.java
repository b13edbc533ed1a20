package dev.loyalty.domain.rule;

import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.segment.SegmentId;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule may ask about the customer beyond the event.
 *
 * @param customer the customer, with consents and enrolment
 * @param alreadyFired whether this rule has fired for this customer before
 * @param segments the saved segments the rule asks about that the customer is in
 */
public record CustomerFacts(Customer customer, boolean alreadyFired, Set<SegmentId> segments) {

    /** Checks the components. */
    public CustomerFacts {
        Objects.requireNonNull(customer, "customer");
        segments = Set.copyOf(segments);
    }

    /** Facts for a rule that asks about no segment. */
    public CustomerFacts(Customer customer, boolean alreadyFired) {
        this(customer, alreadyFired, Set.of());
    }
}
