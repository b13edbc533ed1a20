package dev.loyalty.application.event;

import static dev.loyalty.domain.customer.CustomerFixtures.anEnrolment;
import static dev.loyalty.domain.mission.MissionFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.checkout.InMemoryPurchases;
import dev.loyalty.application.checkout.PurchaseService;
import dev.loyalty.application.checkout.RecordPurchaseCommand;
import dev.loyalty.application.customer.CustomerService;
import dev.loyalty.application.customer.EnrolCustomerCommand;
import dev.loyalty.application.messaging.NoTillMessages;
import dev.loyalty.application.referral.ReferralProgramme;
import dev.loyalty.application.referral.ReferralReactor;
import dev.loyalty.application.referral.ReferralService;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.tier.TierFakes;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesHistory;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.wallet.WalletEntry;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The referrals' reactor ({@link ReferralReactor}) through the relay. */
class ReferralReactionsTest extends ReactionsFixture {

    @Nested
    class Referrals {

        private final Actor console = Actor.admin("console");
        private final AtomicLong serials = new AtomicLong(5_000);
        private final ReferralService referralService =
                new ReferralService(referrals, clock, dev.loyalty.application.shared.TestDigests.KEYED);
        private final CustomerService customerService = new CustomerService(
                customers, serials::incrementAndGet, events::add, clock, wallets, serviceEvents, referralService);
        private final InMemoryPurchases purchases = new InMemoryPurchases();
        private final PurchaseService purchaseService = new PurchaseService(
                customers,
                coupons,
                templates,
                wallets,
                purchases,
                () -> EarningRulesHistory.of(List.of(
                        EarningRules.flat(1, Currency.getInstance("EUR"), Instant.parse("2000-01-01T00:00:00Z")))),
                () -> Optional.of(POINTS_VALIDITY),
                new TierFakes().movements(events::add),
                events::add,
                serviceEvents,
                new NoTillMessages(),
                dev.loyalty.application.metrics.LiveMetrics.NONE,
                clock,
                new dev.loyalty.application.checkout.InMemoryCouponConflicts(),
                new dev.loyalty.application.coupon.InMemoryCouponReservations(),
                dev.loyalty.application.checkout.PointsOnHold.NONE,
                dev.loyalty.application.checkout.PurchaseChecks.of(customers, purchases));

        private Customer enrol(String referralCode) {
            return customerService.enrol(new EnrolCustomerCommand(
                    anEnrolment().withAPhone().withReferralCode(referralCode).build(), console));
        }

        private void buy(Customer customer, String receipt, long cents) {
            purchaseService.record(RecordPurchaseCommand.of(
                    "MI-001",
                    receipt,
                    clock.instant().minusSeconds(30),
                    customer.id(),
                    null,
                    SalesChannel.STORE,
                    List.of(new BasketLine("SKU-1", "grocery", 1, Money.of(cents, "EUR"))),
                    List.of(),
                    Money.of(cents, "EUR"),
                    Actor.terminal("till-1", "MI-001")));
        }

        private String referralReference(Customer referred) {
            return "referral:" + referred.id();
        }

        @Test
        void anEnrolmentWithACodeIsPendingAndTheFirstPurchaseRewardsBothOnce() {
            Customer marco = enrol(null);
            String code = referrals.codeOf(marco.id()).orElseThrow();
            Customer elena = enrol(code.toLowerCase(java.util.Locale.ROOT));
            assertThat(referrals.rows()).singleElement().satisfies(r -> {
                assertThat(r.referrer).isEqualTo(marco.id());
                assertThat(r.referred).isEqualTo(elena.id());
                assertThat(r.status).isEqualTo("PENDING");
            });

            buy(elena, "R-1", 2_500);
            job.drain(5);
            buy(elena, "R-2", 2_500);
            job.drain(5);

            assertThat(referrals.rows().get(0).status).isEqualTo("COMPLETED");
            assertThat(referrals.rows().get(0).completedAt).isEqualTo(NOW);
            assertThat(entriesReferencing(elena.id(), referralReference(elena)))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.points()).isEqualTo(100);
                        assertThat(e.reason()).isEqualTo(ReferralReactor.REASON);
                    });
            assertThat(entriesReferencing(marco.id(), referralReference(elena)))
                    .extracting(WalletEntry::points)
                    .containsExactly(200L);
            assertThat(activities.byEventId("referral-completed:" + elena.id() + ":REFERRED"))
                    .hasValueSatisfying(a -> assertThat(a.customerId()).contains(elena.id()));
            assertThat(activities.byEventId("referral-completed:" + elena.id() + ":REFERRER"))
                    .hasValueSatisfying(a -> assertThat(a.customerId()).contains(marco.id()));
            assertThat(activities.due(NOW, 10)).as("everything reacted to").isEmpty();
        }

        @Test
        void aPurchaseBelowTheMinimumLeavesItPendingForALaterOne() {
            referrals.save(new ReferralProgramme(200, 100, 5_000, 10), NOW);
            Customer marco = enrol(null);
            Customer elena = enrol(referrals.codeOf(marco.id()).orElseThrow());

            buy(elena, "R-1", 4_999);
            job.drain(5);
            assertThat(referrals.rows().get(0).status).isEqualTo("PENDING");
            assertThat(entriesReferencing(marco.id(), referralReference(elena))).isEmpty();

            buy(elena, "R-2", 5_000);
            job.drain(5);

            assertThat(referrals.rows().get(0).status).isEqualTo("COMPLETED");
            assertThat(entriesReferencing(marco.id(), referralReference(elena))).hasSize(1);
        }

        @Test
        void theMonthlyCapRejectsAReferralBeyondIt() {
            referrals.save(new ReferralProgramme(200, 100, 0, 1), NOW);
            Customer marco = enrol(null);
            String code = referrals.codeOf(marco.id()).orElseThrow();
            Customer elena = enrol(code);
            Customer anna = enrol(code);

            // the job, not one event: each customer's enrolment is reacted to before their purchase
            purchase(elena, "p-1", 1_000, NOW);
            job.drain(5);
            purchase(anna, "p-2", 1_000, NOW);
            job.drain(5);

            assertThat(referrals.rows()).extracting(r -> r.status).containsExactly("COMPLETED", "REJECTED");
            assertThat(referrals.rows().get(1).reason).contains("cap of 1");
            assertThat(entries(marco.id()))
                    .filteredOn(e -> e.reason().equals(ReferralReactor.REASON))
                    .hasSize(1);
            assertThat(entriesReferencing(anna.id(), referralReference(anna))).isEmpty();
        }

        @Test
        void aCompletionOlderThanTheCapWindowNoLongerCounts() {
            referrals.save(new ReferralProgramme(200, 100, 0, 1), NOW);
            Customer marco = enrol(null);
            String code = referrals.codeOf(marco.id()).orElseThrow();
            Customer elena = enrol(code);
            Customer anna = enrol(code);

            clock.set(NOW.minus(ReferralProgramme.CAP_WINDOW).minusSeconds(1));
            purchase(elena, "p-1", 1_000, clock.instant());
            job.drain(5);
            clock.set(NOW);
            purchase(anna, "p-2", 1_000, NOW);
            job.drain(5);

            assertThat(referrals.rows()).extracting(r -> r.status).containsExactly("COMPLETED", "COMPLETED");
        }

        @Test
        void aCustomerWithoutAReferralEarnsNothingOfIt() {
            Customer marco = enrol(null);

            reactions.react(purchase(marco, "p-1", 1_000, NOW));

            assertThat(entries(marco.id())).isEmpty();
            assertThat(referrals.rows()).isEmpty();
        }
    }
}
