package dev.loyalty.domain.tier;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a customer's tier moves. Up as soon as the qualifying metric reaches a higher tier's
 * threshold, to the highest tier reached, in the purchase that crosses it or at any review. Down
 * only at a review, once the tier's review date has passed by the programme's grace period and the
 * metric (over the window at that moment, so purchases made in the grace period count) is below
 * the tier's threshold: one tier down, or to the tier reached when the programme says so. A review
 * that finds the threshold met renews the tier for another review period; so does a purchase
 * that meets it again after the review date. A tier held by an administrator does not move until
 * the hold ends. A customer whose tier the programme no longer has is placed by the metric. The
 * set-based review in SQL implements the same rules. Stateless.
 */
public final class TierMovementPolicy {

    /**
     * In a purchase, after its activity was counted.
     *
     * @param programme the programme in force
     * @param standing the customer's standing before the purchase
     * @param qualifying the qualifying amount now, the purchase included
     * @param now when the purchase is recorded
     * @return the decision
     */
    public TierMovement afterPurchase(TierProgramme programme, CustomerTier standing, long qualifying, Instant now) {
        return decide(programme, standing, qualifying, now, TierChangeCause.PURCHASE, false);
    }

    /**
     * At a review as of {@code at}.
     *
     * @param programme the programme in force
     * @param standing the customer's standing
     * @param qualifying the qualifying amount over the window at {@code at}
     * @param at the instant the review stands for
     * @return the decision
     */
    public TierMovement atReview(TierProgramme programme, CustomerTier standing, long qualifying, Instant at) {
        return decide(programme, standing, qualifying, at, TierChangeCause.REVIEW, true);
    }

    private static TierMovement decide(
            TierProgramme programme,
            CustomerTier standing,
            long qualifying,
            Instant at,
            TierChangeCause upCause,
            boolean mayGoDown) {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(at, "at");
        if (standing.isHeldAt(at)) {
            return new TierMovement.Stay();
        }
        Tier reached = programme.reachedBy(qualifying);
        Optional<Tier> current = standing.tierIn(programme);
        if (current.isEmpty()) {
            return new TierMovement.Change(reached, TierChangeCause.PROGRAMME);
        }
        int rank = programme.rank(current.get());
        if (programme.rank(reached) > rank) {
            return new TierMovement.Change(reached, upCause);
        }
        if (rank == 0 || !standing.isDueAt(at)) {
            return new TierMovement.Stay();
        }
        if (qualifying >= current.get().threshold()) {
            return new TierMovement.Renew();
        }
        Instant graceEnds = standing.reviewAt().orElseThrow().plus(Duration.ofDays(programme.graceDays()));
        if (!mayGoDown || at.isBefore(graceEnds)) {
            return new TierMovement.Stay();
        }
        Tier to = programme.downgradeOneStep() ? programme.tier(rank - 1) : reached;
        return new TierMovement.Change(to, TierChangeCause.REVIEW);
    }
}
