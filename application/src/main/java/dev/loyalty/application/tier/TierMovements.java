package dev.loyalty.application.tier;

import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseReversed;
import dev.loyalty.domain.tier.CustomerTier;
import dev.loyalty.domain.tier.QualifyingHistory;
import dev.loyalty.domain.tier.QualifyingWindow;
import dev.loyalty.domain.tier.Tier;
import dev.loyalty.domain.tier.TierChanged;
import dev.loyalty.domain.tier.TierMovement;
import dev.loyalty.domain.tier.TierMovementPolicy;
import dev.loyalty.domain.tier.TierProgramme;
import dev.loyalty.domain.tier.TierStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/**
 * What checkout and rewards need of the tiers, inside their own transactions and under the
 * customer's wallet lock, which they take first: the tier in force before a purchase (its
 * multiplier applies to that purchase, and its tier-only coupons may be used in it), then the
 * purchase's qualifying activity counted and, when it crosses a higher threshold, the upgrade
 * made in the same transaction (the new multiplier applies from the next purchase). A refund takes
 * its amount and points out of the month of the purchase; it never moves the tier (the review sees
 * it). Without tier programme the activity is still counted and nothing else happens.
 */
@ApplicationScoped
public class TierMovements {

    private static final TierMovementPolicy POLICY = new TierMovementPolicy();

    private final TierProgrammes programmes;
    private final CustomerTiers tiers;
    private final QualifyingActivity activity;
    private final ServiceEvents serviceEvents;
    private final DomainEventLog events;

    /** For CDI's proxy only. */
    protected TierMovements() {
        this(null, null, null, null, null);
    }

    @Inject
    public TierMovements(
            TierProgrammes programmes,
            CustomerTiers tiers,
            QualifyingActivity activity,
            DomainEventLog events,
            ServiceEvents serviceEvents) {
        this.serviceEvents = serviceEvents;
        this.programmes = programmes;
        this.tiers = tiers;
        this.activity = activity;
        this.events = events;
    }

    /**
     * @param customerId a customer
     * @param now the moment
     * @return the customer's tier in force now (read without lock); empty without tier programme
     */
    public Optional<Tier> inForce(CustomerId customerId, Instant now) {
        Optional<StoredTierProgramme> stored = programmes.current();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        TierProgramme programme = stored.get().programme();
        CustomerTier standing =
                tiers.byCustomer(customerId).orElseGet(() -> CustomerTier.starting(customerId, programme));
        Optional<Tier> tier = standing.tierIn(programme);
        if (tier.isPresent()) {
            return tier;
        }
        QualifyingWindow window = programme.windowAt(now);
        return Optional.of(programme.reachedBy(
                activity.history(customerId, programme.metric(), window.first()).in(window)));
    }

    /**
     * The tier a customer was in at an earlier moment (an offline purchase's): the tier the first
     * change after it moved the customer from, or the tier in force now when nothing changed since.
     *
     * @param customerId a customer
     * @param at the earlier moment
     * @param now the clock
     * @return the tier then; empty without tier programme
     */
    public Optional<Tier> inForceAt(CustomerId customerId, Instant at, Instant now) {
        Optional<Tier> current = inForce(customerId, now);
        if (current.isEmpty()) {
            return current;
        }
        TierProgramme programme = programmes.current().orElseThrow().programme();
        TierHistoryEntry firstChangeSince = null;
        for (TierHistoryEntry entry : tiers.history(customerId, 100)) {
            if (!entry.occurredAt().isAfter(at)) {
                break;
            }
            firstChangeSince = entry;
        }
        if (firstChangeSince == null || firstChangeSince.from() == null) {
            return current;
        }
        return programme.tierNamed(firstChangeSince.from()).or(() -> current);
    }

    /**
     * Counts a recorded purchase's activity and moves the customer's tier if it crossed a threshold
     * (or renews a tier past its review date whose threshold it meets again). The caller holds the
     * customer's wallet lock.
     *
     * @param purchase the purchase just recorded
     * @param now when it is recorded
     * @return where the customer stands after it, and the change it made
     */
    public TierOutcome afterPurchase(Purchase purchase, Instant now) {
        return afterPurchase(
                purchase, purchase.net().cents(), purchase.pointsAwarded().value(), now);
    }

    /**
     * Counts a purchase whose points were pending when they are posted (issue 18): what is left of
     * it then (its net minus refunds, the points posted), in the month of the purchase, and moves the
     * tier as {@link #afterPurchase(Purchase, Instant)} does. The caller holds the wallet lock.
     *
     * @param netSpendCents the net spent that counts
     * @param points the points that count
     */
    public TierOutcome afterPurchase(Purchase purchase, long netSpendCents, long points, Instant now) {
        if (purchase.customerId().isEmpty()) {
            return TierOutcome.none();
        }
        CustomerId customerId = purchase.customerId().get();
        activity.add(customerId, QualifyingWindow.monthOf(purchase.occurredAt()), netSpendCents, points);
        Optional<StoredTierProgramme> stored = programmes.current();
        if (stored.isEmpty()) {
            return TierOutcome.none();
        }
        TierProgramme programme = stored.get().programme();
        CustomerTier standing =
                tiers.lockedByCustomer(customerId).orElseGet(() -> CustomerTier.starting(customerId, programme));
        QualifyingHistory history = historyFor(customerId, programme, standing, now);
        long qualifying = history.in(programme.windowAt(now));
        TierMovement movement = POLICY.afterPurchase(programme, standing, qualifying, now);
        if (!(movement instanceof TierMovement.Stay) && standing.isNew()) {
            // stored now, in the first tier, so that a review placing the customer meanwhile is seen
            standing = tiers.lockedOrStarted(customerId, programme, now);
            movement = POLICY.afterPurchase(programme, standing, qualifying, now);
        }
        Optional<TierChanged> change = standing.apply(programme, movement, now);
        if (!(movement instanceof TierMovement.Stay)) {
            tiers.save(standing);
        }
        change.ifPresent(changed -> {
            tiers.record(new TierHistoryEntry(
                    customerId,
                    changed.from(),
                    changed.to(),
                    changed.cause(),
                    qualifying,
                    purchase.id().reference(),
                    null,
                    null,
                    null,
                    now));
            events.append(changed);
            serviceEvents.tierChanged(changed, purchase.storeId(), now);
        });
        return new TierOutcome(Optional.of(TierStanding.of(programme, standing, history, now)), change);
    }

    /**
     * Takes a refund's amount and points out of the qualifying activity of the purchase's month.
     * The caller holds the customer's wallet lock. The tier does not move: a downgrade waits for the
     * review.
     *
     * @param purchase the purchase refunded
     * @param reversed what this reversal gave back
     */
    public void afterReversal(Purchase purchase, PurchaseReversed reversed) {
        purchase.customerId()
                .ifPresent(customerId -> activity.add(
                        customerId,
                        QualifyingWindow.monthOf(purchase.occurredAt()),
                        -reversed.amount().cents(),
                        -reversed.points().value()));
    }

    /** The months needed to measure the customer now and at their review. */
    QualifyingHistory historyFor(CustomerId customerId, TierProgramme programme, CustomerTier standing, Instant now) {
        YearMonth from = programme.windowAt(now).first();
        Optional<Instant> review = standing.reviewAt();
        if (review.isPresent() && review.get().isBefore(now)) {
            YearMonth atReview = programme.windowAt(review.get()).first();
            from = atReview.isBefore(from) ? atReview : from;
        }
        return activity.history(customerId, programme.metric(), from);
    }
}
