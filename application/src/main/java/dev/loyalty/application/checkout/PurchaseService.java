package dev.loyalty.application.checkout;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.coupon.CouponReservation;
import dev.loyalty.application.coupon.CouponReservations;
import dev.loyalty.application.coupon.CouponTemplateNotFoundException;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.coupon.Coupons;
import dev.loyalty.application.coupon.ReserveCouponUseCase;
import dev.loyalty.application.messaging.PrintableMessage;
import dev.loyalty.application.messaging.TillMessages;
import dev.loyalty.application.metrics.LiveMetrics;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.shared.ProgrammeSettings;
import dev.loyalty.application.shared.Role;
import dev.loyalty.application.tier.TierMovements;
import dev.loyalty.application.tier.TierOutcome;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponCodeInvalidException;
import dev.loyalty.domain.coupon.CouponEvent;
import dev.loyalty.domain.coupon.CouponExpired;
import dev.loyalty.domain.coupon.CouponRejectedException;
import dev.loyalty.domain.coupon.CouponRejection;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.OfflinePurchaseTooOldException;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseAlreadyRecordedException;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseNotFoundException;
import dev.loyalty.domain.purchase.PurchaseReversed;
import dev.loyalty.domain.purchase.RedeemedCoupon;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.tier.Tier;
import dev.loyalty.domain.wallet.PointsReversed;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEvent;
import dev.loyalty.domain.wallet.WalletHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records and reverses purchases, each in one transaction that takes its locks in one order - the
 * customer's wallet, the coupons (by code), the coupon templates that have a redemption cap (by id)
 * - so that concurrent purchases queue up rather than deadlock, and every limit is read under the
 * lock that guards it: a template's cap under the template's lock (its redemption counter), a
 * customer's per-template limit and balance under the customer's wallet lock, a coupon's status
 * under its own. A template without a cap is never locked, so a popular coupon campaign does not
 * serialise the tills. Before any lock, one read ({@link PurchaseChecks}) says whether the customer
 * named exists, whether the store's receipt is taken and whether the till has blocks waiting for
 * the customer (asked for them only then).
 *
 * <p>Tiers: the customer's tier is read after the wallet lock; its multiplier applies to the
 * purchase and its tier-only coupons may be used in it. The purchase's qualifying activity is then
 * counted and a threshold it crosses upgrades the customer in the same transaction, last (after
 * the coupons and templates, so the lock order stays wallet first): the new tier's multiplier
 * applies from the next purchase. A reversal takes the activity back under the wallet lock and
 * never moves the tier. The customer's metrics are marked due last, in the same transaction
 * (recomputed just after it commits).
 *
 * <p>A purchase earns by the earning rules in force when it occurred; its coupons are judged when
 * it is recorded, the moment they are redeemed (a till that was offline learns then that a coupon
 * expired meanwhile, and cannot backdate a purchase to use an expired one). A purchase may be
 * recorded up to {@link #MAX_BACKDATING} after it occurred and not more than {@link #MAX_CLOCK_SKEW}
 * before.
 *
 * <p>A purchase a till recorded offline ({@link RecordPurchaseCommand#offline()}) is accepted up to
 * the programme's offline age and judged as of when it occurred: the tier then, its coupons' validity
 * then; a coupon another receipt redeemed meanwhile is a {@link CouponConflict} (the purchase keeps
 * its discount, a loss the console sees), never a refusal.
 */
@ApplicationScoped
public class PurchaseService implements RecordPurchaseUseCase, ReversePurchaseUseCase, PurchaseQuery {

    /** How long after it occurred a purchase may still be recorded. */
    public static final Duration MAX_BACKDATING = Duration.ofDays(30);

    /** How far ahead of the service's clock a till's clock may be. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    static final String EARN_REASON = "purchase";

    private final Customers customers;
    private final Coupons coupons;
    private final CouponTemplates templates;
    private final Wallets wallets;
    private final Purchases purchases;
    private final EarningRulesVersions earningRules;
    private final ProgrammeSettings programme;
    private final TierMovements tiers;
    private final DomainEventLog events;
    private final ServiceEvents serviceEvents;
    private final TillMessages till;
    private final LiveMetrics metrics;
    private final Clock clock;
    private final CouponConflicts couponConflicts;
    private final CouponReservations reservations;
    private final PointsOnHold pending;
    private final PurchaseChecks checks;

    /** For CDI's proxy only. */
    protected PurchaseService() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Inject
    public PurchaseService(
            Customers customers,
            Coupons coupons,
            CouponTemplates templates,
            Wallets wallets,
            Purchases purchases,
            EarningRulesVersions earningRules,
            ProgrammeSettings programme,
            TierMovements tiers,
            DomainEventLog events,
            ServiceEvents serviceEvents,
            TillMessages till,
            LiveMetrics metrics,
            Clock clock,
            CouponConflicts couponConflicts,
            CouponReservations reservations,
            PointsOnHold pending,
            PurchaseChecks checks) {
        this.checks = checks;
        this.pending = pending;
        this.couponConflicts = couponConflicts;
        this.reservations = reservations;
        this.serviceEvents = serviceEvents;
        this.customers = customers;
        this.coupons = coupons;
        this.templates = templates;
        this.wallets = wallets;
        this.purchases = purchases;
        this.earningRules = earningRules;
        this.programme = programme;
        this.tiers = tiers;
        this.events = events;
        this.till = till;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PurchaseReceipt record(RecordPurchaseCommand command) {
        QuoteCommand basket = command.basket();
        mayRecordIn(basket.storeId(), basket.channel().name(), basket.actor());
        Instant now = clock.instant();
        Instant occurredAt = command.occurredAt();
        if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValueException("occurredAt", "occurredAt is in the future");
        }
        if (command.offline() && occurredAt.isBefore(now.minus(programme.offlineMaxAge()))) {
            throw new OfflinePurchaseTooOldException(occurredAt, programme.offlineMaxAge());
        }
        if (occurredAt.isBefore(now.minus(MAX_BACKDATING))) {
            throw new InvalidValueException(
                    "occurredAt", "a purchase is recorded within " + MAX_BACKDATING.toDays() + " days");
        }
        String storeId = basket.storeId().strip();
        String receiptId =
                command.receiptId() == null ? null : command.receiptId().strip();
        // the customer named by id, the receipt and the till's waiting blocks asked in one read; a card
        // is looked up first (its holder is the customer asked about); the customer before the receipt
        Optional<CustomerId> byCard = Optional.ofNullable(basket.cardNumber()).flatMap(customers::holderOf);
        PurchaseChecks.Checked checked = checks.check(
                basket.customerId() != null ? Optional.of(basket.customerId()) : byCard,
                storeId,
                Optional.ofNullable(receiptId).filter(r -> !r.isEmpty()));
        Optional<CustomerId> customer = BasketPricing.identified(
                basket.customerId(),
                basket.customerId() != null && checked.customerKnown(),
                basket.cardNumber(),
                byCard);
        if (checked.receiptRecorded()) {
            throw new PurchaseAlreadyRecordedException(storeId, receiptId);
        }

        // the wallet's head only: a purchase credits points, which needs no ledger read
        Optional<WalletHead> wallet = customer.map(wallets::lockedHead);
        // the tier before the purchase: its multiplier applies to this purchase
        // an offline purchase earns by the tier it was in force when it happened; its coupons are
        // judged then
        Instant judgedAt = command.offline() ? occurredAt : now;
        Optional<Tier> tier = customer.flatMap(
                id -> command.offline() ? tiers.inForceAt(id, occurredAt, now) : tiers.inForce(id, now));
        LockedCoupons locked = lock(BasketPricing.parsable(basket.couponCodes()));
        BasketPricing.Priced priced = BasketPricing.price(
                basket.lines(),
                basket.couponCodes(),
                customer.orElse(null),
                basket.channel(),
                judgedAt,
                earningRules.history().rulesAt(occurredAt),
                tier.orElse(null),
                locked,
                command.offline());
        Optional<BasketPricing.Judged> rejected = priced.firstRejected();
        if (rejected.isPresent()) {
            throw refusal(rejected.get());
        }

        for (BasketPricing.Judged judged : priced.coupons()) {
            Optional<CouponReservation> held = reservations.holding(judged.code(), now);
            // held for another store's offline till: not redeemed here meanwhile (an offline upload is
            // never refused: a second redemption is a conflict)
            if (!command.offline()
                    && held.filter(r -> !r.storeId().equals(storeId)).isPresent()) {
                throw new CouponRejectedException(
                        judged.code(),
                        new CouponRejection(
                                ReserveCouponUseCase.RESERVED,
                                "another store holds this coupon for offline use until "
                                        + held.get().reservedUntil()));
            }
        }
        // judged before anything is written: a postAt out of bounds changes nothing
        Optional<Instant> holdUntil = pending.holdUntil(basket.channel(), occurredAt, command.postAt(), now);
        PurchaseId id = PurchaseId.newId();
        List<RedeemedCoupon> redeemed = priced.coupons().stream()
                .map(j -> new RedeemedCoupon(j.code(), j.discount()))
                .toList();
        Purchase.Recorded recorded = Purchase.record(
                id,
                storeId,
                receiptId,
                basket.channel(),
                occurredAt,
                customer.orElse(null),
                priced.points(),
                redeemed,
                command.totalPaid());
        Purchase purchase = recorded.purchase();
        purchases.add(purchase);
        // the purchase's domain events, appended together at the end (one write)
        List<DomainEvent> happened = new ArrayList<>();
        happened.add(recorded.event());
        serviceEvents.purchased(recorded.event(), now);

        List<String> conflicts = new ArrayList<>();
        for (BasketPricing.Judged judged : priced.coupons()) {
            if (judged.conflict()) {
                // redeemed by another offline receipt first: this purchase keeps its discount, which
                // the programme reports as a loss; the coupon stays with the first receipt
                conflicts.add(judged.code().value());
                couponConflicts.record(new CouponConflict(
                        judged.code(),
                        id,
                        storeId,
                        customer.orElse(null),
                        judged.discount(),
                        occurredAt,
                        now,
                        locked.coupon(judged.code())
                                .flatMap(Coupon::redemptionReference)
                                .orElse(null)));
                continue;
            }
            Coupon coupon = judged.use().coupon();
            happened.addAll(coupon.redeem(judged.use(), id.reference()));
            coupons.saveTransition(coupon, CouponStatus.ISSUED, customer.orElse(null));
            if (judged.use().template().maxRedemptions().isPresent()) {
                templates.addRedemptions(coupon.templateId(), 1);
            }
        }

        // an order that can still be cancelled holds its points (issue 18): not in the balance, nor the
        // tier, until they post
        Optional<Instant> heldUntil =
                customer.isPresent() && !purchase.pointsAwarded().isZero() ? holdUntil : Optional.empty();
        heldUntil.ifPresent(until -> pending.hold(purchase, until, now));
        Optional<Points> balance = heldUntil.isPresent()
                ? wallet.map(WalletHead::balance)
                : wallet.map(w -> earn(w, purchase, now, happened));
        events.appendAll(happened);
        TierOutcome tierOutcome =
                customer.isPresent() && heldUntil.isEmpty() ? tiers.afterPurchase(purchase, now) : TierOutcome.none();
        customer.ifPresent(c -> metrics.afterPurchase(c, id));
        // printed now, in the purchase's transaction: delivered with the receipt, or not at all; only for
        // a real purchase (a 0-cent receipt is no reason to hand out a customer's coupon codes)
        // (asked only when the first read saw something waiting for the customer)
        List<PrintableMessage> printed = purchase.channel() == SalesChannel.STORE
                        && !purchase.totalPaid().isZero()
                        && !purchase.totalPaid().isNegative()
                        && checked.printWaiting()
                ? customer.map(c -> till.print(c, storeId, id.reference())).orElse(List.of())
                : List.of();
        return new PurchaseReceipt(
                        purchase, priced.gross(), priced.discount(), balance, tierOutcome, printed, conflicts)
                .heldUntil(heldUntil);
    }

    @Override
    @Transactional
    public ReversalReceipt reverse(ReversePurchaseCommand command) {
        Actor actor = command.actor();
        if (actor.role() == Role.CUSTOMER) {
            throw new AccessDeniedException("a customer cannot reverse a purchase");
        }
        Purchase purchase = purchases
                .lockedById(command.purchaseId())
                .orElseThrow(() -> new PurchaseNotFoundException("no purchase has this id"));
        mayTouch(purchase, actor);
        Instant now = clock.instant();
        Purchase.Reversal reversal = purchase.reverse(command.lines(), now);
        Optional<CustomerId> customer = purchase.customerId();
        if (reversal.happened().isEmpty()) {
            return new ReversalReceipt(
                    purchase,
                    reversal.amount(),
                    Points.ZERO,
                    Points.ZERO,
                    List.of(),
                    List.of(),
                    customer.map(wallets::balanceOf));
        }
        PurchaseReversed reversed = reversal.event();
        purchases.saveReversal(purchase, reversed);
        events.append(reversed);
        // points still pending: the reversal voids its share of them; the wallet and tiers never had them
        boolean wasPending =
                customer.isPresent() && pending.afterReversal(purchase, reversal.points(), command.reason(), now);

        Optional<Wallet> wallet = customer.map(wallets::lockedForUpdate);
        List<String> restored = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        LockedCoupons locked = lock(
                reversal.couponsToRestore().stream().map(RedeemedCoupon::code).toList());
        for (RedeemedCoupon given : reversal.couponsToRestore()) {
            Optional<Coupon> coupon = locked.coupon(given.code());
            if (coupon.isEmpty()) {
                continue;
            }
            for (CouponEvent event : coupon.get().restore(purchase.id().reference(), now)) {
                coupons.saveTransition(coupon.get(), CouponStatus.REDEEMED, null);
                if (locked.template(coupon.get().templateId()).maxRedemptions().isPresent()) {
                    templates.addRedemptions(coupon.get().templateId(), -1);
                }
                (event instanceof CouponExpired ? expired : restored)
                        .add(given.code().value());
                events.append(event);
            }
        }

        Points taken = Points.ZERO;
        Points debt = Points.ZERO;
        if (wallet.isPresent() && !wasPending && !reversal.points().isZero()) {
            Wallet w = wallet.get();
            Points reversible = w.reversibleFor(purchase.id().reference()).min(reversal.points());
            if (!reversible.isZero()) {
                for (WalletEvent event : w.reverse(purchase.id().reference(), reversible, command.reason(), now)) {
                    if (event instanceof PointsReversed r) {
                        taken = r.points();
                        debt = r.debt();
                    }
                    events.append(event);
                }
                wallets.save(w);
            }
        }
        if (wallet.isPresent() && !wasPending) {
            tiers.afterReversal(purchase, reversed);
        }
        customer.ifPresent(c -> metrics.afterPurchase(c, purchase.id()));
        Optional<Points> balance = wallet.map(Wallet::balance);
        return new ReversalReceipt(purchase, reversal.amount(), taken, debt, restored, expired, balance);
    }

    @Override
    public Purchase purchase(PurchaseId id, Actor actor) {
        Purchase purchase =
                purchases.byId(id).orElseThrow(() -> new PurchaseNotFoundException("no purchase has this id"));
        if (actor.role() == Role.CUSTOMER) {
            if (purchase.customerId().filter(actor::maySee).isEmpty()) {
                throw new PurchaseNotFoundException("no purchase has this id");
            }
            return purchase;
        }
        mayTouch(purchase, actor);
        return purchase;
    }

    /** Credits the purchase's points; their events join {@code happened}. */
    private Points earn(WalletHead wallet, Purchase purchase, Instant now, List<DomainEvent> happened) {
        if (purchase.pointsAwarded().isZero()) {
            return wallet.balance();
        }
        Instant expiresAt = programme
                .pointsValidity()
                .map(validity -> purchase.occurredAt().plus(validity))
                .orElse(null);
        happened.addAll(
                wallet.earn(purchase.pointsAwarded(), EARN_REASON, purchase.id().reference(), now, expiresAt));
        wallets.save(wallet);
        return wallet.balance();
    }

    /**
     * Locks the coupons (in code order), then the templates among theirs that have a redemption cap
     * (in id order), and serves the pricing from what was read under the locks.
     */
    private LockedCoupons lock(List<CouponCode> codes) {
        LockedCoupons locked = new LockedCoupons();
        List<CouponCode> ordered = new ArrayList<>(codes);
        ordered.sort(Comparator.comparing(CouponCode::value));
        Set<CouponTemplateId> templateIds = new TreeSet<>(Comparator.comparing(CouponTemplateId::toString));
        for (CouponCode code : ordered) {
            coupons.lockedByCode(code).ifPresent(c -> {
                locked.coupons.put(code, c);
                templateIds.add(c.templateId());
            });
        }
        for (CouponTemplateId templateId : templateIds) {
            if (locked.template(templateId).maxRedemptions().isPresent()) {
                locked.redemptions.put(templateId, templates.lockRedemptions(templateId));
            }
        }
        return locked;
    }

    /** What was read under the locks. */
    private final class LockedCoupons implements BasketPricing.CouponReads {

        private final Map<CouponCode, Coupon> coupons = new HashMap<>();
        private final Map<CouponTemplateId, Long> redemptions = new HashMap<>();
        private final Map<CouponTemplateId, CouponTemplate> read = new HashMap<>();

        @Override
        public Optional<Coupon> coupon(CouponCode code) {
            return Optional.ofNullable(coupons.get(code));
        }

        @Override
        public CouponTemplate template(CouponTemplateId id) {
            return read.computeIfAbsent(
                    id, key -> templates.byId(key).orElseThrow(() -> new CouponTemplateNotFoundException(key)));
        }

        /** The counter of a capped template, read under its lock; a template without a cap is not counted. */
        @Override
        public long templateRedemptions(CouponTemplateId id) {
            if (template(id).maxRedemptions().isEmpty()) {
                return 0;
            }
            return redemptions.computeIfAbsent(id, templates::lockRedemptions);
        }

        @Override
        public long customerRedemptions(CouponTemplateId id, CustomerId customer) {
            return PurchaseService.this.coupons.redeemedCount(id, customer);
        }
    }

    private static RuntimeException refusal(BasketPricing.Judged judged) {
        if (judged.code() == null) {
            return new CouponCodeInvalidException(judged.rejection().detail());
        }
        return new CouponRejectedException(judged.code(), judged.rejection());
    }

    /** A new purchase: the caller names the store, so a refusal tells nothing (403). */
    private static void mayRecordIn(String storeId, String channel, Actor actor) {
        if (actor.role() == Role.CUSTOMER) {
            throw new AccessDeniedException("a customer cannot record or reverse purchases");
        }
        if (!actor.actsFor(storeId, channel)) {
            throw new AccessDeniedException(
                    actor.role() == Role.TERMINAL
                            ? "a terminal acts for its own store only"
                            : "this integration's token does not name this store or channel (claims store_ids,"
                                    + " channels)");
        }
    }

    /** A recorded purchase outside the caller's store or scope is not found: its existence stays unknown. */
    private static void mayTouch(Purchase purchase, Actor actor) {
        if (actor.role() == Role.CUSTOMER) {
            throw new AccessDeniedException("a customer cannot record or reverse purchases");
        }
        if (!actor.actsFor(purchase.storeId(), purchase.channel().name())) {
            throw new PurchaseNotFoundException("no purchase has this id");
        }
    }
}
