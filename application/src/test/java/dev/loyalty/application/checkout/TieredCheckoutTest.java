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
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.tier.TierFakes;
import dev.loyalty.application.tier.TierHistoryEntry;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponRejectedException;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesHistory;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.tier.TierChangeCause;
import dev.loyalty.domain.tier.TierChanged;
import dev.loyalty.domain.tier.TierFixtures;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.tier.TierStanding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Purchases, refunds and quotes under a tier programme (Bronze x1, Silver from 500 EUR x1.5, Gold
 * from 1,000 EUR x2, on net spend): the multiplier of the tier in force before a purchase applies
 * to it; the purchase that crosses a threshold upgrades in its own transaction; the new multiplier
 * applies from the next purchase; a refund never downgrades.
 */
class TieredCheckoutTest {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final EarningRulesHistory ONE_POINT_PER_EURO = EarningRulesHistory.of(
            List.of(EarningRules.flat(1, Currency.getInstance("EUR"), Instant.parse("2000-01-01T00:00:00Z"))));

    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final InMemoryCouponTemplates templates = new InMemoryCouponTemplates();
    private final InMemoryWallets wallets = new InMemoryWallets();
    private final InMemoryPurchases purchases = new InMemoryPurchases();
    private final List<DomainEvent> events = new ArrayList<>();
    private final TierFakes tiers = new TierFakes();
    private final Actor till = Actor.terminal("till-1", "MI-001");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final PurchaseService purchasing = new PurchaseService(
            customers,
            coupons,
            templates,
            wallets,
            purchases,
            () -> ONE_POINT_PER_EURO,
            () -> Optional.of(Duration.ofDays(365)),
            tiers.movements(events::add),
            events::add,
            new ServiceEvents(new InMemoryActivityLog()),
            new NoTillMessages(),
            dev.loyalty.application.metrics.LiveMetrics.NONE,
            clock,
            new dev.loyalty.application.checkout.InMemoryCouponConflicts(),
            new dev.loyalty.application.coupon.InMemoryCouponReservations(),
            PointsOnHold.NONE,
            dev.loyalty.application.checkout.PurchaseChecks.of(customers, purchases));
    private final CheckoutService checkout = new CheckoutService(
            customers, coupons, templates, () -> ONE_POINT_PER_EURO, tiers.movements(events::add), clock);
    private int receipts;

    private CustomerId elena() {
        var elena = aCustomer().build();
        customers.add(elena);
        return elena.id();
    }

    private void programme() {
        tiers.programmes.replace(TierFixtures.programme(), NOW.minusSeconds(3600), "console");
    }

    private static List<BasketLine> basket(long cents) {
        return List.of(new BasketLine("CREAM-50", "beauty", 1, Money.of(cents, "EUR")));
    }

    private PurchaseReceipt buy(CustomerId customer, long cents, String... codes) {
        return purchasing.record(RecordPurchaseCommand.of(
                "MI-001",
                "R-" + ++receipts,
                NOW.minusSeconds(30),
                customer,
                null,
                SalesChannel.STORE,
                basket(cents),
                List.of(codes),
                Money.of(cents, "EUR"),
                till));
    }

    private Quote quote(CustomerId customer, long cents, String... codes) {
        return checkout.quote(
                new QuoteCommand("MI-001", customer, null, SalesChannel.STORE, basket(cents), List.of(codes), till));
    }

    @Test
    void thePurchaseCrossingSilverUpgradesInItsResponseAndSilverMultipliesFromTheNextPurchase() {
        programme();
        CustomerId elena = elena();

        PurchaseReceipt crossing = buy(elena, 60_000);
        Quote next = quote(elena, 10_000);
        PurchaseReceipt after = buy(elena, 10_000);

        assertThat(crossing.purchase().pointsAwarded())
                .as("the crossing purchase earns by Bronze, the tier in force before it")
                .isEqualTo(Points.of(600));
        assertThat(crossing.tier().change())
                .contains(new TierChanged(elena, "Bronze", "Silver", TierChangeCause.PURCHASE, NOW));
        assertThat(crossing.tier().standing()).map(s -> s.tier().name()).contains("Silver");
        assertThat(next.points().points())
                .as("the quote earns as the purchase will")
                .isEqualTo(Points.of(150));
        assertThat(next.points().tierMultiplierPercent()).isEqualTo(150);
        assertThat(after.purchase().pointsAwarded())
                .as("Silver's x1.5 from the next purchase")
                .isEqualTo(Points.of(150));
        assertThat(after.tier().change()).isEmpty();
        assertThat(events).filteredOn(e -> e instanceof TierChanged).hasSize(1);
        List<TierHistoryEntry> history = tiers.tiers.history(elena, 10);
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.cause()).isEqualTo(TierChangeCause.PURCHASE);
            assertThat(entry.qualifying()).isEqualTo(60_000);
            assertThat(entry.reference()).isEqualTo(crossing.purchase().id().reference());
        });
    }

    @Test
    void aPurchaseCrossingTwoThresholdsGoesStraightToTheHigher() {
        programme();
        CustomerId elena = elena();

        PurchaseReceipt receipt = buy(elena, 120_000);

        assertThat(receipt.tier().change()).map(TierChanged::to).contains("Gold");
    }

    @Test
    void aRefundBelowTheThresholdDoesNotDowngradeButIsCounted() {
        programme();
        CustomerId elena = elena();
        PurchaseReceipt crossing = buy(elena, 60_000);

        purchasing.reverse(new ReversePurchaseCommand(crossing.purchase().id(), List.of(), "refund", till));

        TierStanding standing = tiers.movements(events::add)
                .inForce(elena, NOW)
                .map(tier -> TierStanding.of(
                        TierFixtures.programme(),
                        tiers.tiers.byCustomer(elena).orElseThrow(),
                        tiers.activity.history(
                                elena,
                                TierMetric.NET_SPEND,
                                TierFixtures.programme().windowAt(NOW).first()),
                        NOW))
                .orElseThrow();
        assertThat(standing.tier().name()).isEqualTo("Silver");
        assertThat(standing.qualifying()).isZero();
        assertThat(standing.neededToKeep()).isEqualTo(TierFixtures.SILVER_FROM);
        assertThat(events).filteredOn(e -> e instanceof TierChanged).hasSize(1);
    }

    @Test
    void withoutProgrammeNothingChangesButTheActivityIsCounted() {
        CustomerId elena = elena();

        PurchaseReceipt receipt = buy(elena, 60_000);

        assertThat(receipt.tier().standing()).isEmpty();
        assertThat(receipt.tier().change()).isEmpty();
        assertThat(receipt.purchase().pointsAwarded()).isEqualTo(Points.of(600));
        assertThat(quote(elena, 10_000).points().tierMultiplierPercent()).isEqualTo(100);
        assertThat(tiers.activity
                        .history(elena, TierMetric.NET_SPEND, YearMonth.of(2026, 1))
                        .byMonth())
                .containsEntry(YearMonth.of(2026, 3), 60_000L);
    }

    @Test
    void anAnonymousPurchaseHasNoTier() {
        programme();

        PurchaseReceipt receipt = buy(null, 60_000);

        assertThat(receipt.tier().standing()).isEmpty();
    }

    @Test
    void onPointsEarnedTheTierBonusCountsAndTheBalanceDoesNot() {
        tiers.programmes.replace(
                TierFixtures.programme(TierMetric.POINTS_EARNED, 12, 30, 12, true), NOW.minusSeconds(60), "console");
        CustomerId elena = elena();

        PurchaseReceipt first = buy(elena, 49_900);
        PurchaseReceipt second = buy(elena, 50_000);

        assertThat(first.tier().change()).as("499 points of 50,000").isEmpty();
        assertThat(second.tier().standing()).map(TierStanding::qualifying).contains(999L);
    }

    @Test
    void aTierOnlyCouponIsForItsTiersInTheQuoteAndInThePurchase() {
        programme();
        CustomerId elena = elena();
        CouponTemplate goldOnly = CouponTemplate.define(
                        CouponTemplateId.newId(),
                        "Gold gift",
                        new Discount.AmountOff(Money.of(500, "EUR")),
                        null,
                        Set.of(SalesChannel.STORE),
                        null,
                        null,
                        30,
                        null,
                        Set.of(),
                        null)
                .withTiers(Set.of("Gold"));
        templates.add(goldOnly);
        Coupon coupon = goldOnly.issue(CouponCode.generate(new SplittableRandom(3)), elena, NOW.minusSeconds(600));
        coupons.addAll(List.of(coupon));
        String code = coupon.code().value();
        buy(elena, 60_000);

        Quote.CouponVerdict verdict = quote(elena, 2_000, code).coupons().get(0);
        assertThat(verdict.rejectionCode()).isEqualTo("coupon-tier-not-eligible");
        assertThat(verdict.detail()).contains("Gold").contains("Silver");
        assertThatThrownBy(() -> buy(elena, 2_000, code))
                .isInstanceOfSatisfying(
                        CouponRejectedException.class, e -> assertThat(e.code()).isEqualTo("coupon-tier-not-eligible"));

        buy(elena, 50_000);
        assertThat(buy(elena, 2_000, code).purchase().coupons()).as("Gold now").hasSize(1);
    }
}
