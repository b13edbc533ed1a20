package dev.loyalty.application.checkout;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.coupon.InMemoryCouponTemplates;
import dev.loyalty.application.coupon.InMemoryCoupons;
import dev.loyalty.application.messaging.NoTillMessages;
import dev.loyalty.application.messaging.PrintableMessage;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.tier.TierFakes;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponCodeInvalidException;
import dev.loyalty.domain.coupon.CouponRejectedException;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesHistory;
import dev.loyalty.domain.purchase.LineReturn;
import dev.loyalty.domain.purchase.PurchaseAlreadyRecordedException;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseNotFoundException;
import dev.loyalty.domain.purchase.PurchaseRecorded;
import dev.loyalty.domain.purchase.ReversalExceedsPurchaseException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.DomainException;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntry;
import dev.loyalty.domain.wallet.WalletEntryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final InMemoryCouponTemplates templates = new InMemoryCouponTemplates();
    private final InMemoryWallets wallets = new InMemoryWallets();
    private final InMemoryPurchases purchases = new InMemoryPurchases();
    private final List<DomainEvent> events = new ArrayList<>();
    private final Actor till = Actor.terminal("till-1", "MI-001");
    private final TierFakes tiers = new TierFakes();
    private final InMemoryActivityLog activities = new InMemoryActivityLog();
    /** Whose metrics were recomputed, after which purchase ("customer/purchase"). */
    private final List<String> metricsUpdates = new ArrayList<>();

    private final dev.loyalty.application.metrics.LiveMetrics metrics =
            new dev.loyalty.application.metrics.LiveMetrics() {
                @Override
                public void afterPurchase(CustomerId customer, PurchaseId purchase) {
                    metricsUpdates.add(customer + "/" + purchase);
                }

                @Override
                public void afterEvents(java.util.List<dev.loyalty.application.metrics.TakenEvent> events) {
                    throw new AssertionError("a purchase is no event");
                }
            };
    private final InMemoryCouponConflicts conflicts = new InMemoryCouponConflicts();
    private final dev.loyalty.application.coupon.InMemoryCouponReservations reservations =
            new dev.loyalty.application.coupon.InMemoryCouponReservations();
    private final PurchaseService service = new PurchaseService(
            customers,
            coupons,
            templates,
            wallets,
            purchases,
            () -> EarningRulesHistory.of(
                    List.of(EarningRules.flat(1, Currency.getInstance("EUR"), Instant.parse("2000-01-01T00:00:00Z")))),
            () -> Optional.of(Duration.ofDays(365)),
            tiers.movements(events::add),
            events::add,
            new ServiceEvents(activities),
            new NoTillMessages(),
            metrics,
            Clock.fixed(NOW, ZoneOffset.UTC),
            conflicts,
            reservations,
            PointsOnHold.NONE,
            PurchaseChecks.of(customers, purchases));
    private int seed;

    private Customer marco() {
        Customer marco = aCustomer().build();
        customers.add(marco);
        return marco;
    }

    private Coupon aCoupon(CustomerId owner, Long maxRedemptions) {
        CouponTemplate template = CouponTemplate.define(
                CouponTemplateId.newId(),
                "Five off",
                new Discount.AmountOff(Money.of(500, "EUR")),
                Money.of(2_000, "EUR"),
                Set.of(SalesChannel.STORE),
                null,
                null,
                30,
                null,
                Set.of(),
                maxRedemptions);
        templates.add(template);
        Coupon coupon = template.issue(CouponCode.generate(new SplittableRandom(seed++)), owner, NOW.minusSeconds(60));
        coupons.addAll(List.of(coupon));
        return coupon;
    }

    private RecordPurchaseCommand purchase(String receipt, CustomerId customer, long totalPaid, String... codes) {
        return RecordPurchaseCommand.of(
                "MI-001",
                receipt,
                NOW.minusSeconds(30),
                customer,
                null,
                SalesChannel.STORE,
                List.of(
                        new BasketLine("SKU-1", "grocery", 2, Money.of(1_000, "EUR")),
                        new BasketLine("SKU-2", "drinks", 1, Money.of(550, "EUR"))),
                List.of(codes),
                Money.of(totalPaid, "EUR"),
                till);
    }

    @Test
    void aPurchaseAtTheTillCarriesTheMessagesItPrintedAndOneOnlinePrintsNothing() {
        Customer marco = marco();
        PrintableMessage welcome = new PrintableMessage(UUID.randomUUID(), "Welcome back", NOW.minusSeconds(600));
        List<String> printedFor = new ArrayList<>();
        PurchaseService printing = new PurchaseService(
                customers,
                coupons,
                templates,
                wallets,
                purchases,
                () -> EarningRulesHistory.of(List.of(
                        EarningRules.flat(1, Currency.getInstance("EUR"), Instant.parse("2000-01-01T00:00:00Z")))),
                () -> Optional.of(Duration.ofDays(365)),
                tiers.movements(events::add),
                events::add,
                new ServiceEvents(activities),
                (customer, storeId, reference) -> {
                    printedFor.add(customer + "@" + storeId + ":" + reference);
                    return List.of(welcome);
                },
                metrics,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new dev.loyalty.application.checkout.InMemoryCouponConflicts(),
                new dev.loyalty.application.coupon.InMemoryCouponReservations(),
                PointsOnHold.NONE,
                PurchaseChecks.of(customers, purchases));

        PurchaseReceipt atTheTill = printing.record(purchase("R-1", marco.id(), 2_550));
        PurchaseReceipt online = printing.record(RecordPurchaseCommand.of(
                "MI-001",
                "R-2",
                NOW.minusSeconds(30),
                marco.id(),
                null,
                SalesChannel.ONLINE,
                List.of(new BasketLine("SKU-1", "grocery", 1, Money.of(1_000, "EUR"))),
                List.of(),
                Money.of(1_000, "EUR"),
                till));

        PurchaseReceipt forNothing = printing.record(purchase("R-3", marco.id(), 0));

        assertThat(atTheTill.printed()).containsExactly(welcome);
        assertThat(online.printed()).isEmpty();
        assertThat(forNothing.printed())
                .as("a 0-cent receipt is no key to the blocks")
                .isEmpty();
        assertThat(printedFor)
                .containsExactly(
                        marco.id() + "@MI-001:" + atTheTill.purchase().id().reference());
    }

    @Test
    void theTillIsAskedOnlyWhenTheFirstReadSawSomethingWaitingAndTheChecksComeInTheirOrder() {
        Customer marco = marco();
        List<String> printedFor = new ArrayList<>();
        boolean[] waiting = {false};
        PurchaseChecks ports = PurchaseChecks.of(customers, purchases);
        List<Optional<CustomerId>> asked = new ArrayList<>();
        PurchaseService printing = new PurchaseService(
                customers,
                coupons,
                templates,
                wallets,
                purchases,
                () -> EarningRulesHistory.of(List.of(
                        EarningRules.flat(1, Currency.getInstance("EUR"), Instant.parse("2000-01-01T00:00:00Z")))),
                () -> Optional.of(Duration.ofDays(365)),
                tiers.movements(events::add),
                events::add,
                new ServiceEvents(activities),
                (customer, storeId, reference) -> {
                    printedFor.add(reference);
                    return List.of();
                },
                metrics,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new dev.loyalty.application.checkout.InMemoryCouponConflicts(),
                new dev.loyalty.application.coupon.InMemoryCouponReservations(),
                PointsOnHold.NONE,
                (customer, storeId, receiptId) -> {
                    asked.add(customer);
                    PurchaseChecks.Checked checked = ports.check(customer, storeId, receiptId);
                    return new PurchaseChecks.Checked(checked.customerKnown(), checked.receiptRecorded(), waiting[0]);
                });

        PurchaseReceipt nothingWaiting = printing.record(purchase("R-1", marco.id(), 2_550));
        waiting[0] = true;
        PurchaseReceipt somethingWaiting = printing.record(purchase("R-2", marco.id(), 2_550));

        assertThat(printedFor).containsExactly(somethingWaiting.purchase().id().reference());
        assertThat(nothingWaiting.printed()).isEmpty();
        assertThat(asked).containsExactly(Optional.of(marco.id()), Optional.of(marco.id()));
        // a customer unknown and a receipt taken: the customer is what is refused, as before
        assertThatThrownBy(() -> printing.record(purchase("R-1", CustomerId.newId(), 2_550)))
                .isInstanceOf(dev.loyalty.domain.customer.CustomerNotFoundException.class);
        assertThatThrownBy(() -> printing.record(purchase("R-1", marco.id(), 2_550)))
                .isInstanceOf(PurchaseAlreadyRecordedException.class);
    }

    @Test
    void aPurchaseRedeemsItsCouponsEarnsOnTheNetAndSaysWhatHappened() {
        Customer marco = marco();
        Coupon coupon = aCoupon(marco.id(), 100L);

        PurchaseReceipt receipt =
                service.record(purchase("R-1", marco.id(), 2_050, coupon.code().value()));

        assertThat(receipt.discount()).isEqualTo(Money.of(500, "EUR"));
        assertThat(receipt.purchase().pointsAwarded()).isEqualTo(Points.of(20));
        assertThat(receipt.walletBalance()).contains(Points.of(20));
        assertThat(coupons.byCode(coupon.code()).orElseThrow().status()).isEqualTo(CouponStatus.REDEEMED);
        assertThat(templates.redemptions(coupon.templateId())).isEqualTo(1);
        WalletEntry earned =
                wallets.byCustomer(marco.id()).orElseThrow().entries().get(0);
        assertThat(earned.type()).isEqualTo(WalletEntryType.EARN);
        assertThat(earned.reference()).isEqualTo(receipt.purchase().id().reference());
        assertThat(earned.expiresAt()).isEqualTo(NOW.minusSeconds(30).plus(Duration.ofDays(365)));
        assertThat(events)
                .extracting(DomainEvent::type)
                .containsExactly("PURCHASE_RECORDED", "COUPON_REDEEMED", "POINTS_EARNED");
        assertThat(((PurchaseRecorded) events.get(0)).couponCodes())
                .containsExactly(coupon.code().value());
    }

    @Test
    void aCouponThatCannotBeAppliedRejectsTheWholePurchaseAndNothingChanges() {
        Customer marco = marco();
        Coupon used = aCoupon(marco.id(), null);
        service.record(purchase("R-1", marco.id(), 2_050, used.code().value()));
        events.clear();
        Coupon fresh = aCoupon(marco.id(), null);

        assertThatThrownBy(() -> service.record(purchase(
                        "R-2",
                        marco.id(),
                        2_050,
                        fresh.code().value(),
                        used.code().value())))
                .isInstanceOfSatisfying(
                        CouponRejectedException.class, e -> assertThat(e.code()).isEqualTo("coupon-already-redeemed"));
        assertThatThrownBy(() -> service.record(purchase("R-2", marco.id(), 2_050, "NOT-A-CODE")))
                .isInstanceOf(CouponCodeInvalidException.class);
        assertThatThrownBy(() -> service.record(purchase("R-2", marco.id(), 2_050, "2222-2222-2")))
                .isInstanceOfSatisfying(RuntimeException.class, e -> assertThat(((DomainException) e).code())
                        .isIn("coupon-not-found", "coupon-code-invalid"));

        assertThat(purchases.size()).isEqualTo(1);
        assertThat(coupons.byCode(fresh.code()).orElseThrow().status()).isEqualTo(CouponStatus.ISSUED);
        assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.of(20));
        assertThat(events).isEmpty();
    }

    @Test
    void couponsAreJudgedWhenThePurchaseIsRecordedNotWhenTheTillSaysItOccurred() {
        Customer marco = marco();
        Coupon welcome = aCoupon(marco.id(), null);
        CouponTemplate template = templates.byId(welcome.templateId()).orElseThrow();
        Coupon justIssued =
                template.issue(CouponCode.generate(new SplittableRandom(77)), marco.id(), NOW.minusSeconds(5));
        coupons.addAll(List.of(justIssued));

        // the purchase occurred 30 s ago by the till's clock, before the coupon was issued
        PurchaseReceipt receipt = service.record(
                purchase("R-1", marco.id(), 2_050, justIssued.code().value()));

        assertThat(receipt.purchase().coupons()).hasSize(1);
    }

    private RecordPurchaseCommand offline(String receipt, CustomerId customer, Duration ago, String... codes) {
        RecordPurchaseCommand now = purchase(receipt, customer, 2_050, codes);
        return new RecordPurchaseCommand(now.basket(), receipt, NOW.minus(ago), now.totalPaid(), true);
    }

    @Test
    void anOfflinePurchaseIsAcceptedUpToTheOfflineAgeAndOlderIsRefusedWithItsOwnCode() {
        Customer marco = marco();

        assertThatThrownBy(() -> service.record(offline("R-old", marco.id(), Duration.ofDays(8))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("offline-purchase-too-old"));
        PurchaseReceipt sixDays = service.record(offline("R-6", marco.id(), Duration.ofDays(6)));

        assertThat(sixDays.purchase().occurredAt()).isEqualTo(NOW.minus(Duration.ofDays(6)));
        assertThat(purchases.size()).isEqualTo(1);
    }

    @Test
    void aCouponRedeemedTwiceOfflineIsAConflictAndTheSecondPurchaseIsKept() {
        Customer marco = marco();
        Coupon coupon = aCoupon(marco.id(), 100L);

        // the coupon was issued a minute ago; both tills used it since, offline (judged as of then)
        PurchaseReceipt first = service.record(
                offline("R-1", marco.id(), Duration.ofSeconds(40), coupon.code().value()));
        PurchaseReceipt second = service.record(
                offline("R-2", marco.id(), Duration.ofSeconds(20), coupon.code().value()));

        assertThat(first.couponConflicts()).isEmpty();
        assertThat(second.couponConflicts()).containsExactly(coupon.code().value());
        assertThat(second.discount()).isEqualTo(Money.of(500, "EUR"));
        assertThat(second.purchase().pointsAwarded()).isEqualTo(Points.of(20));
        assertThat(templates.redemptions(coupon.templateId())).isEqualTo(1);
        Coupon kept = coupons.byCode(coupon.code()).orElseThrow();
        assertThat(kept.status()).isEqualTo(CouponStatus.REDEEMED);
        assertThat(kept.redemptionReference()).contains(first.purchase().id().reference());
        assertThat(conflicts.latest(10)).singleElement().satisfies(c -> {
            assertThat(c.purchaseId()).isEqualTo(second.purchase().id());
            assertThat(c.discount()).isEqualTo(Money.of(500, "EUR"));
            assertThat(c.firstRedemption()).isEqualTo(first.purchase().id().reference());
        });
        // online, the same coupon is still refused
        assertThatThrownBy(() -> service.record(
                        purchase("R-3", marco.id(), 2_050, coupon.code().value())))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("coupon-already-redeemed"));
    }

    @Test
    void anUncappedCouponRedeemedTwiceOfflineIsAConflictToo() {
        Customer marco = marco();
        Coupon coupon = aCoupon(marco.id(), null);

        service.record(
                offline("R-1", marco.id(), Duration.ofSeconds(40), coupon.code().value()));
        PurchaseReceipt second = service.record(
                offline("R-2", marco.id(), Duration.ofSeconds(20), coupon.code().value()));

        assertThat(second.couponConflicts()).containsExactly(coupon.code().value());
        assertThat(second.discount()).isEqualTo(Money.of(500, "EUR"));
    }

    @Test
    void aCouponHeldForAnotherStoresOfflineTillIsNotRedeemedHere() {
        Customer marco = marco();
        Coupon coupon = aCoupon(marco.id(), 100L);
        reservations.add(new dev.loyalty.application.coupon.CouponReservation(
                java.util.UUID.randomUUID(), coupon.code(), "RM-009", NOW.plusSeconds(3600), NOW));

        assertThatThrownBy(() -> service.record(
                        purchase("R-1", marco.id(), 2_050, coupon.code().value())))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("coupon-reserved"));
        assertThat(coupons.byCode(coupon.code()).orElseThrow().status()).isEqualTo(CouponStatus.ISSUED);
    }

    @Test
    void aTemplateCapCountsTheRedemptionsOfItsCoupons() {
        Customer marco = marco();
        Coupon first = aCoupon(null, 1L);
        CouponTemplate template = templates.byId(first.templateId()).orElseThrow();
        Coupon second = template.issue(CouponCode.generate(new SplittableRandom(99)), null, NOW.minusSeconds(60));
        coupons.addAll(List.of(second));
        service.record(purchase("R-1", marco.id(), 2_050, first.code().value()));

        assertThatThrownBy(() -> service.record(
                        purchase("R-2", null, 2_050, second.code().value())))
                .isInstanceOfSatisfying(CouponRejectedException.class, e -> assertThat(e.code())
                        .isEqualTo("coupon-redemption-cap-reached"));
    }

    @Test
    void aReceiptIsRecordedOncePerStore() {
        Customer marco = marco();
        service.record(purchase("R-1", marco.id(), 2_550));

        assertThatThrownBy(() -> service.record(purchase(" R-1 ", marco.id(), 2_550)))
                .isInstanceOf(PurchaseAlreadyRecordedException.class);
        assertThat(wallets.balanceOf(marco.id())).isEqualTo(Points.of(25));
    }

    @Test
    void aTerminalRecordsForItsOwnStoreOnlyAndACustomerNotAtAll() {
        Customer marco = marco();
        RecordPurchaseCommand elsewhere = RecordPurchaseCommand.of(
                "RM-002",
                "R-1",
                NOW,
                marco.id(),
                null,
                SalesChannel.STORE,
                List.of(new BasketLine("SKU-1", "grocery", 1, Money.of(1_000, "EUR"))),
                List.of(),
                Money.of(1_000, "EUR"),
                till);

        assertThatThrownBy(() -> service.record(elsewhere)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.record(new RecordPurchaseCommand(
                        new QuoteCommand(
                                "MI-001",
                                marco.id(),
                                null,
                                SalesChannel.STORE,
                                elsewhere.basket().lines(),
                                List.of(),
                                Actor.customer(marco.id())),
                        "R-1",
                        NOW,
                        Money.of(1_000, "EUR"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(purchases.size()).isZero();
    }

    @Test
    void aPurchaseFromTheFutureOrFromLongAgoIsRefused() {
        Customer marco = marco();
        for (Instant when : List.of(NOW.plus(Duration.ofMinutes(6)), NOW.minus(Duration.ofDays(31)))) {
            RecordPurchaseCommand command = new RecordPurchaseCommand(
                    purchase("R-1", marco.id(), 2_550).basket(), "R-1", when, Money.of(2_550, "EUR"));
            assertThatThrownBy(() -> service.record(command))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("occurredAt"));
        }
    }

    @Test
    void aPurchaseAndItsReversalRecomputeTheCustomersMetricsAnAnonymousOneNobodys() {
        Customer marco = marco();
        PurchaseId id =
                service.record(purchase("R-1", marco.id(), 2_050)).purchase().id();
        service.record(purchase("R-2", null, 1_000));
        service.reverse(new ReversePurchaseCommand(id, List.of(), "void", till));
        service.reverse(new ReversePurchaseCommand(id, List.of(), "void", till));

        assertThat(metricsUpdates).containsExactly(marco.id() + "/" + id, marco.id() + "/" + id);
    }

    @Test
    void aWholeReversalTakesThePointsBackAndGivesTheCouponBack() {
        Customer marco = marco();
        Coupon coupon = aCoupon(marco.id(), 5L);
        PurchaseId id = service.record(
                        purchase("R-1", marco.id(), 2_050, coupon.code().value()))
                .purchase()
                .id();

        ReversalReceipt reversal = service.reverse(new ReversePurchaseCommand(id, List.of(), "void", till));
        ReversalReceipt again = service.reverse(new ReversePurchaseCommand(id, List.of(), "void", till));

        assertThat(reversal.pointsReversed()).isEqualTo(Points.of(20));
        assertThat(reversal.amount()).isEqualTo(Money.of(2_050, "EUR"));
        assertThat(reversal.couponsRestored()).containsExactly(coupon.code().value());
        assertThat(reversal.walletBalance()).contains(Points.ZERO);
        assertThat(coupons.byCode(coupon.code()).orElseThrow().status()).isEqualTo(CouponStatus.ISSUED);
        assertThat(templates.redemptions(coupon.templateId())).isZero();
        assertThat(again.pointsReversed()).isEqualTo(Points.ZERO);
        assertThat(again.couponsRestored()).isEmpty();
        assertThat(purchases.reversals()).hasSize(1);
        Wallet wallet = wallets.byCustomer(marco.id()).orElseThrow();
        assertThat(wallet.entries())
                .extracting(WalletEntry::type)
                .containsExactly(WalletEntryType.EARN, WalletEntryType.REVERSE);
    }

    @Test
    void aPartialRefundIsProRataAndKeepsTheCouponRedeemed() {
        Customer marco = marco();
        Coupon coupon = aCoupon(marco.id(), null);
        PurchaseId id = service.record(
                        purchase("R-1", marco.id(), 2_050, coupon.code().value()))
                .purchase()
                .id();

        ReversalReceipt refund =
                service.reverse(new ReversePurchaseCommand(id, List.of(new LineReturn(1, 1)), "refund", till));

        // line 1 is 20.00 less its 3.92 part of the coupon: one unit is 8.04 of the 20.50 that earned 20 points
        assertThat(refund.amount()).isEqualTo(Money.of(804, "EUR"));
        assertThat(refund.pointsReversed().value()).isEqualTo(7);
        assertThat(refund.couponsRestored()).isEmpty();
        assertThat(coupons.byCode(coupon.code()).orElseThrow().status()).isEqualTo(CouponStatus.REDEEMED);
        assertThatThrownBy(() ->
                        service.reverse(new ReversePurchaseCommand(id, List.of(new LineReturn(1, 2)), "refund", till)))
                .isInstanceOf(ReversalExceedsPurchaseException.class);
    }

    @Test
    void pointsAlreadySpentAreClawedBackToZeroAndTheRestRecordedAsDebt() {
        Customer marco = marco();
        PurchaseId id =
                service.record(purchase("R-1", marco.id(), 2_550)).purchase().id();
        Wallet wallet = wallets.lockedForUpdate(marco.id());
        wallet.burn(Points.of(20), "reward", "RW-1", NOW);
        wallets.save(wallet);

        ReversalReceipt reversal = service.reverse(new ReversePurchaseCommand(id, List.of(), "refund", till));

        assertThat(reversal.pointsReversed()).isEqualTo(Points.of(5));
        assertThat(reversal.pointsDebt()).isEqualTo(Points.of(20));
        assertThat(reversal.walletBalance()).contains(Points.ZERO);
    }

    @Test
    void onlyTheStoresTerminalsAndTheConsoleReverse() {
        Customer marco = marco();
        PurchaseId id =
                service.record(purchase("R-1", marco.id(), 2_550)).purchase().id();

        // another store's purchase is not found there: its existence is not told
        assertThatThrownBy(() -> service.reverse(
                        new ReversePurchaseCommand(id, List.of(), null, Actor.terminal("till-9", "RM-002"))))
                .isInstanceOf(PurchaseNotFoundException.class);
        assertThatThrownBy(() -> service.purchase(id, Actor.terminal("till-9", "RM-002")))
                .isInstanceOf(PurchaseNotFoundException.class);
        assertThatThrownBy(() ->
                        service.reverse(new ReversePurchaseCommand(id, List.of(), null, Actor.customer(marco.id()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.reverse(
                        new ReversePurchaseCommand(PurchaseId.newId(), List.of(), null, Actor.admin("console"))))
                .isInstanceOf(PurchaseNotFoundException.class);
        assertThat(service.reverse(new ReversePurchaseCommand(id, List.of(), null, Actor.admin("console")))
                        .pointsReversed())
                .isEqualTo(Points.of(25));
    }

    @Test
    void anIntegrationActsOnlyWithinTheStoresAndChannelsItsTokenNames() {
        Customer marco = marco();
        Actor romeOnline = Actor.integration("shop-rome", Set.of("RM-001"), Set.of("ONLINE"));
        Actor milan = Actor.integration("shop-milan", Set.of("MI-001"), Set.of());
        PurchaseId id =
                service.record(purchase("R-1", marco.id(), 2_550)).purchase().id();

        assertThatThrownBy(() -> service.record(asIf(purchase("R-2", marco.id(), 2_550), romeOnline)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.reverse(new ReversePurchaseCommand(id, List.of(), null, romeOnline)))
                .isInstanceOf(PurchaseNotFoundException.class);
        assertThatThrownBy(() -> service.purchase(id, romeOnline)).isInstanceOf(PurchaseNotFoundException.class);
        assertThat(purchases.byId(id).orElseThrow().pointsAwarded()).isEqualTo(Points.of(25));
        assertThat(service.record(asIf(purchase("R-3", marco.id(), 1_000), milan))
                        .purchase()
                        .storeId())
                .isEqualTo("MI-001");
        assertThat(service.reverse(new ReversePurchaseCommand(id, List.of(), null, milan))
                        .pointsReversed())
                .isEqualTo(Points.of(25));
        assertThat(service.record(asIf(purchase("R-4", marco.id(), 1_000), Actor.integration("unscoped")))
                        .purchase()
                        .storeId())
                .as("a token without the claims acts for every store, as before")
                .isEqualTo("MI-001");
    }

    private static RecordPurchaseCommand asIf(RecordPurchaseCommand command, Actor actor) {
        QuoteCommand b = command.basket();
        return RecordPurchaseCommand.of(
                b.storeId(),
                command.receiptId(),
                command.occurredAt(),
                b.customerId(),
                b.cardNumber(),
                b.channel(),
                b.lines(),
                b.couponCodes(),
                command.totalPaid(),
                actor);
    }
}
