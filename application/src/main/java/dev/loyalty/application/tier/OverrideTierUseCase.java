package dev.loyalty.application.tier;

import dev.loyalty.domain.tier.TierStanding;

/** Driving port: an administrator sets a customer's tier by hand, with a reason, audited. */
public interface OverrideTierUseCase {

    /**
     * Sets the tier under the customer's wallet lock (a purchase of the customer waits), records the
     * change with who, when and why in the tier history, and publishes {@code TIER_CHANGED} when the
     * tier changes.
     *
     * @return where the customer stands after it
     * @throws dev.loyalty.domain.shared.AccessDeniedException for anyone but an administrator
     * @throws dev.loyalty.domain.tier.TierProgrammeMissingException before any programme is set
     * @throws dev.loyalty.domain.customer.CustomerNotFoundException for an unknown customer
     * @throws dev.loyalty.domain.shared.InvalidValueException (field {@code tier}) for a tier the
     *     programme does not have, (field {@code until}) for a hold that does not end in the future
     */
    TierStanding override(OverrideTierCommand command);
}
