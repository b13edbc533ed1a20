package dev.loyalty.application.customer;

import java.util.Optional;

/**
 * Driven port: the till's read of a customer with their balance and pending points, in as few
 * statements as the store allows (a lookup is the till's most frequent call). An erased customer's
 * card designates nobody.
 */
@FunctionalInterface
public interface CustomerSummaries {

    /**
     * @param criteria card, phone and/or e-mail
     * @return the one customer all the given criteria designate, with their wallet figures; empty
     *     when none does (or the criteria designate different customers)
     */
    Optional<CustomerSummary> lookup(CustomerLookup criteria);
}
