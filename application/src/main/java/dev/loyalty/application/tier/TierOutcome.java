package dev.loyalty.application.tier;

import dev.loyalty.domain.tier.TierChanged;
import dev.loyalty.domain.tier.TierStanding;
import java.util.Objects;
import java.util.Optional;

/**
 * What a purchase did to the customer's tier, for the till to tell the cashier.
 *
 * @param standing where the customer stands after the purchase; empty without tier programme or
 *     customer
 * @param change the change the purchase made, if it crossed a threshold
 */
public record TierOutcome(Optional<TierStanding> standing, Optional<TierChanged> change) {

    /** Checks the components. */
    public TierOutcome {
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(change, "change");
    }

    /** @return nothing to tell: no programme, or an anonymous purchase */
    public static TierOutcome none() {
        return new TierOutcome(Optional.empty(), Optional.empty());
    }
}
