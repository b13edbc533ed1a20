package dev.loyalty.application.customer;

import dev.loyalty.domain.tier.TierStanding;
import java.util.Objects;
import java.util.Optional;

/**
 * What the till's lookup answers: the customer with their balance and pending points, and where
 * they stand in the tier programme when there is one.
 *
 * @param summary the customer and their wallet figures
 * @param tier the customer's standing; empty without tier programme
 */
public record TillLookup(CustomerSummary summary, Optional<TierStanding> tier) {

    /** Requires both. */
    public TillLookup {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(tier, "tier");
    }
}
