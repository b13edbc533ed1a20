package dev.loyalty.application.checkout;

import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.shared.ProgrammeSettings;
import dev.loyalty.application.shared.Role;
import dev.loyalty.application.tier.TierMovements;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.purchase.PointsHold;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseNotFoundException;
import dev.loyalty.domain.purchase.PurchaseNotPendingException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.WalletHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Pending points (issue 18): the points of an order that can still be cancelled or returned are
 * held - shown in the wallet as pending, never spendable - and post (are credited to the wallet,
 * once) when the order is confirmed or at their {@code postAt}, or are voided when it is cancelled
 * or wholly returned first; a partial refund while pending voids its share. Which purchases: one
 * whose request names a {@code postAt} still to come (at most {@link ProgrammeSettings#MAX_PENDING_HOLD}
 * after it occurred), else an ONLINE purchase for {@link ProgrammeSettings#pendingHold()} after it
 * occurred (none when that is 0 or has passed). Only a purchase with a customer and points holds any.
 *
 * <p>Every transition takes the purchase's row lock first, then the hold's, then the wallet's (the
 * order of a reversal), so a confirmation, a cancellation and the posting job racing for one order
 * queue up and exactly one resolves it; the hold's guarded update is a second guard. Posted points
 * are valid for the programme's validity from when they post. The tier counts a purchase's spend and
 * points when they post (what is left of them then, in the month of the purchase); a voided purchase
 * never counts.
 */
@ApplicationScoped
public class PendingPointsService implements PointsOnHold, ConfirmPurchaseUseCase {

    static final String HOLD_REASON = "online order";
    static final String CONFIRMED = "confirmed";
    static final String DUE = "due";

    private final Purchases purchases;
    private final PointsHolds holds;
    private final Wallets wallets;
    private final TierMovements tiers;
    private final ProgrammeSettings programme;
    private final DomainEventLog events;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected PendingPointsService() {
        this(null, null, null, null, null, null, null);
    }

    @Inject
    public PendingPointsService(
            Purchases purchases,
            PointsHolds holds,
            Wallets wallets,
            TierMovements tiers,
            ProgrammeSettings programme,
            DomainEventLog events,
            Clock clock) {
        this.purchases = purchases;
        this.holds = holds;
        this.wallets = wallets;
        this.tiers = tiers;
        this.programme = programme;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> holdUntil(SalesChannel channel, Instant occurredAt, Instant postAt, Instant now) {
        Instant until;
        if (postAt != null) {
            if (postAt.isAfter(occurredAt.plus(ProgrammeSettings.MAX_PENDING_HOLD))) {
                throw new InvalidValueException(
                        "postAt",
                        "postAt is at most " + ProgrammeSettings.MAX_PENDING_HOLD.toDays() + " days after occurredAt");
            }
            until = postAt;
        } else if (channel == SalesChannel.ONLINE
                && !programme.pendingHold().isZero()
                && !programme.pendingHold().isNegative()) {
            until = occurredAt.plus(programme.pendingHold());
        } else {
            return Optional.empty();
        }
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    @Override
    public void hold(Purchase purchase, Instant postAt, Instant now) {
        holds.add(
                PointsHold.of(
                        purchase.id(), purchase.customerId().orElseThrow(), purchase.pointsAwarded(), postAt, now),
                HOLD_REASON,
                now);
    }

    @Override
    public boolean afterReversal(Purchase purchase, Points points, String reason, Instant now) {
        Optional<PointsHold> found = holds.lockedByPurchase(purchase.id());
        if (found.isEmpty() || found.get().status() == PointsHold.Status.POSTED) {
            return false;
        }
        PointsHold hold = found.get();
        if (hold.isPending()) {
            PointsHold after = hold.voidPart(points, purchase.isWhollyReversed());
            long voided = hold.pending() - after.pending();
            if (voided > 0 || after.status() != hold.status()) {
                moved(holds.move(hold, after, voided, reason, now));
            }
        }
        return true;
    }

    @Override
    @Transactional
    public Confirmation confirm(PurchaseId purchaseId, Actor actor) {
        if (actor.role() == Role.CUSTOMER) {
            throw new AccessDeniedException("a customer cannot confirm an order");
        }
        Purchase purchase = purchases
                .lockedById(purchaseId)
                .filter(p -> actor.actsFor(p.storeId(), p.channel().name()))
                .orElseThrow(() -> new PurchaseNotFoundException("no purchase has this id"));
        PointsHold hold =
                holds.lockedByPurchase(purchaseId).orElseThrow(() -> new PurchaseNotPendingException(purchaseId));
        Instant now = clock.instant();
        WalletHead head = post(purchase, hold, CONFIRMED, now);
        return new Confirmation(
                purchaseId,
                hold.pending(),
                head.balance().value(),
                holds.pendingOf(hold.customerId()).value());
    }

    /**
     * Posts one purchase's pending points if they are still pending and due at {@code now}, in a
     * transaction of its own (the posting job's unit of work).
     *
     * @return the points posted (0 when it was confirmed, cancelled or posted by someone else first)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long postIfDue(PurchaseId purchaseId, Instant now) {
        Optional<Purchase> purchase = purchases.lockedById(purchaseId);
        if (purchase.isEmpty()) {
            return 0;
        }
        Optional<PointsHold> hold = holds.lockedByPurchase(purchaseId).filter(h -> h.isDueAt(now));
        if (hold.isEmpty()) {
            return 0;
        }
        post(purchase.get(), hold.get(), DUE, now);
        return hold.get().pending();
    }

    /** The second phase: credits what is pending, under the purchase's and the hold's locks. */
    private WalletHead post(Purchase purchase, PointsHold hold, String reason, Instant now) {
        PointsHold posted = hold.post();
        moved(holds.move(hold, posted, hold.pending(), reason, now));
        WalletHead head = wallets.lockedHead(hold.customerId());
        Instant expiresAt = programme.pointsValidity().map(now::plus).orElse(null);
        head.earn(
                        Points.of(hold.pending()),
                        PurchaseService.EARN_REASON,
                        purchase.id().reference(),
                        now,
                        expiresAt)
                .forEach(events::append);
        wallets.save(head);
        tiers.afterPurchase(
                purchase, purchase.net().cents() - purchase.amountReversed().cents(), hold.pending(), now);
        return head;
    }

    private static void moved(boolean moved) {
        if (!moved) {
            // cannot happen under the purchase's lock; rolls back rather than credit twice
            throw new ConcurrentUpdateException("the pending points of this purchase moved meanwhile");
        }
    }
}
