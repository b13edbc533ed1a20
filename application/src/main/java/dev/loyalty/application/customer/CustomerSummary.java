package dev.loyalty.application.customer;

import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.shared.Points;
import java.util.Objects;

/**
 * A customer with the wallet figures a till shows beside them, read together (one snapshot): the
 * spendable balance and the points still pending on orders that can be cancelled.
 *
 * @param customer the customer
 * @param balance the points balance (zero when no points ever moved)
 * @param pending the points held on orders that can still be cancelled (zero when none)
 */
public record CustomerSummary(Customer customer, Points balance, Points pending) {

    /** Requires all three. */
    public CustomerSummary {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(pending, "pending");
    }
}
