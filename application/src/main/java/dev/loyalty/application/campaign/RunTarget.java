package dev.loyalty.application.campaign;

import dev.loyalty.domain.customer.CustomerId;
import java.util.Objects;
import java.util.Optional;

/**
 * One target of a run: a customer on an occasion (the member's key with the campaign: a customer is
 * offered at most once per occasion), what the offer is about, and the keyset position after it.
 *
 * @param customer who
 * @param occasion the run id (CALENDAR, PERSONAL_OFFER, FOLLOW_UP) or a purchase cycle (REPLENISHMENT)
 * @param scopeSku the product the offer is about, if any
 * @param scopeCategory the category the offer is about, if any
 * @param cursor the keyset position after this target (a page goes on after the last one's)
 */
public record RunTarget(
        CustomerId customer,
        String occasion,
        Optional<String> scopeSku,
        Optional<String> scopeCategory,
        String cursor) {

    public RunTarget {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(occasion, "occasion");
        Objects.requireNonNull(scopeSku, "scopeSku");
        Objects.requireNonNull(scopeCategory, "scopeCategory");
        Objects.requireNonNull(cursor, "cursor");
    }
}
