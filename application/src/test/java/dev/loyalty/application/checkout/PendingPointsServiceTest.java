package dev.loyalty.application.checkout;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.coupon.InMemoryCouponReservations;
import dev.loyalty.application.coupon.InMemoryCouponTemplates;
import dev.loyalty.application.coupon.InMemoryCoupons;
import dev.loyalty.application.messaging.NoTillMessages;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.ProgrammeSettings;
import dev.loyalty.application.tier.TierFakes;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesHistory;
import dev.loyalty.domain.purchase.LineReturn;
import dev.loyalty.domain.purchase.PointsAlreadyPostedException;
import dev.loyalty.domain.purchase.PointsHold;
import dev.loyalty.domain.purchase.PurchaseCancelledException;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseNotPendingException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.wallet.InsufficientPointsException;
import dev.loyalty.domain.wallet.Wallet;
import dev.loyalty.domain.wallet.WalletEntryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PendingPointsServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryWallets wallets = new InMemoryWallets();
    private final InMemoryPurchases purchases = new InMemoryPurchases();
    private final InMemoryPointsHolds holds = new InMemoryPointsHolds();
    private final List<DomainEvent> events = new ArrayList<>();
    private final TierFakes tiers = new TierFakes();
    private final ProgrammeSettings programme = () -> Optional.of(Duration.ofDays(365));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final PendingPointsService pending = new PendingPointsService(
            purchases, holds, wallets, tiers.movements(events::add), programme, events::add, clock);
    private final PurchaseService service = new PurchaseService(
            customers,
            new InMemoryCoupons(),
            new InMemoryCouponTemplates(),
            wallets,
            purchases,
            () -> EarningRulesHistory.of(
                    List.of(EarningRules.flat(1, Currency.getInstance("EUR"), Instant.parse("2000-01-01T00:00:00Z")))),
            programme,
            tiers.movements(events::add),
            events::add,
            new ServiceEvents(new InMemoryActivityLog()),
            new NoTillMessages(),
            new dev.loyalty.application.metrics.LiveMetrics() {
                @Override
                public void afterPurchase(dev.loyalty.domain.customer.CustomerId c, PurchaseId p) {}

                @Override
                public void afterEvents(java.util.List<dev.loyalty.application.metrics.TakenEvent> events) {}
            },
            clock,
            new InMemoryCouponConflicts(),
            new InMemoryCouponReservations(),
            pending,
            dev.loyalty.application.checkout.PurchaseChecks.of(customers, purchases));
    private final Actor shop = Actor.integration("web-shop");
    private final Customer marco = aCustomer().build();

    PendingPointsServiceTest() {
        customers.add(marco);
    }

    private PurchaseReceipt order(String receipt, SalesChannel channel, Instant occurredAt, Instant postAt) {
        return service.record(RecordPurchaseCommand.of(
                        "WEB",
                        receipt,
                        occurredAt,
                        marco.id(),
                        null,
                        channel,
                        List.of(new BasketLine("SKU-1", "grocery", 4, Money.of(1_000, "EUR"))),
                        List.of(),
                        Money.of(4_000, "EUR"),
                        shop)
                .postAt(postAt));
    }

    private long balance() {
        return wallets.balanceOf(marco.id()).value();
    }

    @Test
    void anOnlineOrdersPointsArePendingForTheHoldAndNotSpendableUntilConfirmed() {
        PurchaseReceipt receipt = order("R-1", SalesChannel.ONLINE, NOW.minusSeconds(30), null);
        PurchaseId id = receipt.purchase().id();

        assertThat(receipt.pendingUntil()).contains(NOW.minusSeconds(30).plus(Duration.ofDays(14)));
        assertThat(receipt.walletBalance()).contains(dev.loyalty.domain.shared.Points.ZERO);
        assertThat(balance()).isZero();
        assertThat(holds.pendingOf(marco.id()).value()).isEqualTo(40);
        Wallet wallet = wallets.lockedForUpdate(marco.id());
        assertThatThrownBy(() -> wallet.burn(dev.loyalty.domain.shared.Points.of(1), "claim", null, NOW))
                .isInstanceOf(InsufficientPointsException.class);
        assertThat(tiers.activity
                        .history(
                                marco.id(),
                                dev.loyalty.domain.tier.TierMetric.POINTS_EARNED,
                                java.time.YearMonth.of(2026, 1))
                        .in(new dev.loyalty.domain.tier.QualifyingWindow(
                                java.time.YearMonth.of(2026, 1), java.time.YearMonth.of(2026, 3))))
                .as("the tier does not count pending points")
                .isZero();

        assertThatThrownBy(() -> pending.confirm(id, Actor.customer(marco.id())))
                .isInstanceOf(AccessDeniedException.class);
        ConfirmPurchaseUseCase.Confirmation confirmed = pending.confirm(id, shop);

        assertThat(confirmed.posted()).isEqualTo(40);
        assertThat(confirmed.walletBalance()).isEqualTo(40);
        assertThat(confirmed.pending()).isZero();
        assertThat(balance()).isEqualTo(40);
        assertThat(holds.steps(marco.id(), 0, 10))
                .extracting(PointsHolds.PendingStep::status)
                .containsExactly(PointsHold.Status.POSTED, PointsHold.Status.PENDING);
        assertThatThrownBy(() -> pending.confirm(id, shop)).isInstanceOf(PointsAlreadyPostedException.class);
        assertThat(pending.postIfDue(id, NOW.plus(Duration.ofDays(30)))).isZero();
        assertThat(balance()).as("posted once").isEqualTo(40);
    }

    @Test
    void aCancellationWhilePendingVoidsThePointsAndTakesNothingFromTheWallet() {
        order("R-0", SalesChannel.STORE, NOW.minusSeconds(60), null);
        PurchaseId id = order("R-2", SalesChannel.ONLINE, NOW.minusSeconds(30), null)
                .purchase()
                .id();

        ReversalReceipt partly =
                service.reverse(new ReversePurchaseCommand(id, List.of(new LineReturn(1, 1)), "returned", shop));
        ReversalReceipt cancelled = service.reverse(new ReversePurchaseCommand(id, List.of(), "cancelled", shop));

        assertThat(partly.pointsReversed().value()).isZero();
        assertThat(holds.steps(marco.id(), 0, 10))
                .extracting(s -> s.status() + " " + s.points())
                .containsExactly("VOIDED 30", "VOIDED 10", "PENDING 40");
        assertThat(cancelled.pointsReversed().value()).isZero();
        assertThat(balance()).as("the store purchase's points only").isEqualTo(40);
        assertThat(wallets.lockedForUpdate(marco.id()).entries()).noneMatch(e -> e.type() == WalletEntryType.REVERSE);
        assertThatThrownBy(() -> pending.confirm(id, shop)).isInstanceOf(PurchaseCancelledException.class);
        assertThat(pending.postIfDue(id, NOW.plus(Duration.ofDays(30)))).isZero();
    }

    @Test
    void duePointsPostOnceAndOnlyWhenDue() {
        PurchaseId id = order("R-3", SalesChannel.STORE, NOW.minusSeconds(30), NOW.plusSeconds(3_600))
                .purchase()
                .id();

        assertThat(holds.due(NOW, 10)).isEmpty();
        assertThat(pending.postIfDue(id, NOW)).isZero();
        assertThat(holds.due(NOW.plusSeconds(3_600), 10)).containsExactly(id);
        assertThat(pending.postIfDue(id, NOW.plusSeconds(3_600))).isEqualTo(40);
        assertThat(pending.postIfDue(id, NOW.plusSeconds(3_601))).isZero();
        assertThat(balance()).isEqualTo(40);
        assertThat(wallets.lockedForUpdate(marco.id()).entries())
                .singleElement()
                .satisfies(e -> assertThat(e.reference()).isEqualTo(id.reference()));
    }

    @Test
    void whichPurchasesHoldTheirPoints() {
        Instant occurred = NOW.minusSeconds(30);

        assertThat(pending.holdUntil(SalesChannel.STORE, occurred, null, NOW)).isEmpty();
        assertThat(pending.holdUntil(SalesChannel.ONLINE, occurred, null, NOW))
                .contains(occurred.plus(Duration.ofDays(14)));
        assertThat(pending.holdUntil(SalesChannel.ONLINE, NOW.minus(Duration.ofDays(15)), null, NOW))
                .as("past its return window: earns at once")
                .isEmpty();
        assertThat(pending.holdUntil(SalesChannel.STORE, occurred, NOW.plusSeconds(60), NOW))
                .contains(NOW.plusSeconds(60));
        assertThat(pending.holdUntil(SalesChannel.ONLINE, occurred, NOW.minusSeconds(1), NOW))
                .as("a postAt already passed: earns at once")
                .isEmpty();
        assertThatThrownBy(
                        () -> pending.holdUntil(SalesChannel.ONLINE, occurred, occurred.plus(Duration.ofDays(91)), NOW))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("postAt");
        PurchaseId store =
                order("R-4", SalesChannel.STORE, occurred, null).purchase().id();
        assertThat(balance()).isEqualTo(40);
        assertThatThrownBy(() -> pending.confirm(store, shop)).isInstanceOf(PurchaseNotPendingException.class);
    }
}
