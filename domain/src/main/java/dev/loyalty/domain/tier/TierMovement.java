package dev.loyalty.domain.tier;

import java.util.Objects;

/** What the {@link TierMovementPolicy} decided for a customer's tier. */
public sealed interface TierMovement {

    /** Nothing changes (not due, in its grace period, held by an administrator, or nothing crossed). */
    record Stay() implements TierMovement {}

    /** The tier is confirmed for another review period: the threshold is met at a due review. */
    record Renew() implements TierMovement {}

    /**
     * The customer moves to another tier.
     *
     * @param to the new tier
     * @param cause why
     */
    record Change(Tier to, TierChangeCause cause) implements TierMovement {

        /** Checks the components. */
        public Change {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(cause, "cause");
        }
    }
}
