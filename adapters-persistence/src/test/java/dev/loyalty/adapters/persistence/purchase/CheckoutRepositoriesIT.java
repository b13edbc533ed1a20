package dev.loyalty.adapters.persistence.purchase;

import static dev.loyalty.adapters.persistence.TestDatabase.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.coupon.JpaCouponTemplates;
import dev.loyalty.adapters.persistence.coupon.JpaCoupons;
import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.adapters.persistence.idempotency.JpaIdempotencyRecords;
import dev.loyalty.adapters.persistence.messaging.JpaMessages;
import dev.loyalty.application.checkout.PurchaseChecks;
import dev.loyalty.application.idempotency.IdempotencyKey;
import dev.loyalty.application.idempotency.IdempotencyRecords;
import dev.loyalty.application.idempotency.IdempotentRequest;
import dev.loyalty.application.idempotency.StoredResponse;
import dev.loyalty.application.messaging.StatusChange;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.earning.EarningPolicy;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.PricedLine;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageKind;
import dev.loyalty.domain.purchase.LineReturn;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseAlreadyRecordedException;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.RedeemedCoupon;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import dev.loyalty.domain.shared.Money;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The purchase, coupon-lock and idempotency adapters against MariaDB: the production persistence
 * unit and migrations, run by EclipseLink outside the container.
 */
class CheckoutRepositoriesIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final SecureRandom random = new SecureRandom();

    private Customer aCustomer() {
        Customer customer = CustomerFixtures.aCustomer().build();
        inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer;
    }

    private Coupon aCoupon(CouponTemplate template, Customer owner) {
        Coupon coupon = template.issue(CouponCode.generate(random), owner == null ? null : owner.id(), NOW);
        inTransaction(em -> {
            new JpaCoupons(em, TestDatabase.CLOCK).addAll(List.of(coupon));
            return null;
        });
        return coupon;
    }

    private CouponTemplate aTemplate() {
        CouponTemplate template = CouponTemplate.define(
                CouponTemplateId.newId(),
                "Two off",
                new Discount.AmountOff(Money.of(200, "EUR")),
                null,
                Set.of(SalesChannel.STORE),
                null,
                null,
                30,
                null,
                Set.of(),
                null);
        inTransaction(em -> {
            new JpaCouponTemplates(em, TestDatabase.CLOCK, TestDatabase.CURRENCY).add(template);
            return null;
        });
        return template;
    }

    private Purchase aPurchase(Customer customer, String receipt, List<RedeemedCoupon> coupons) {
        var earned = new EarningPolicy()
                .pointsFor(
                        EarningRules.flat(1, Currency.getInstance("EUR"), Instant.EPOCH),
                        List.of(
                                new PricedLine(
                                        new BasketLine("SKU-1", "grocery", 3, Money.of(1_000, "EUR")),
                                        Money.of(200, "EUR")),
                                PricedLine.undiscounted(new BasketLine("SKU-2", "bakery", 1, Money.of(250, "EUR")))));
        return Purchase.record(
                        PurchaseId.newId(),
                        "MI-001",
                        receipt,
                        SalesChannel.STORE,
                        NOW,
                        customer.id(),
                        earned,
                        coupons,
                        Money.of(3_050, "EUR"))
                .purchase();
    }

    @Test
    void aPurchaseIsStoredWithItsLinesAndCouponsAndReadBackAsItWas() {
        Customer marco = aCustomer();
        Coupon coupon = aCoupon(aTemplate(), marco);
        Purchase purchase = aPurchase(
                marco, "R-" + UUID.randomUUID(), List.of(new RedeemedCoupon(coupon.code(), Money.of(200, "EUR"))));

        inTransaction(em -> {
            new JpaPurchases(em, TestDatabase.CLOCK).add(purchase);
            return null;
        });
        Purchase read = inTransaction(em -> new JpaPurchases(em, TestDatabase.CLOCK).byId(purchase.id()))
                .orElseThrow();

        assertThat(read.lines()).isEqualTo(purchase.lines());
        assertThat(read.coupons()).isEqualTo(purchase.coupons());
        assertThat(read.pointsAwarded()).isEqualTo(purchase.pointsAwarded());
        assertThat(read.occurredAt()).isEqualTo(NOW);
        assertThat(read.customerId()).contains(marco.id());
        assertThat((Boolean) inTransaction(
                        em -> new JpaPurchases(em, TestDatabase.CLOCK).exists("MI-001", purchase.receiptId())))
                .isTrue();
    }

    @Test
    void aReceiptIsStoredOncePerStore() {
        Customer marco = aCustomer();
        String receipt = "R-" + UUID.randomUUID();
        inTransaction(em -> {
            new JpaPurchases(em, TestDatabase.CLOCK).add(aPurchase(marco, receipt, List.of()));
            return null;
        });

        assertThatThrownBy(() -> inTransaction(em -> {
                    new JpaPurchases(em, TestDatabase.CLOCK).add(aPurchase(marco, receipt, List.of()));
                    return null;
                }))
                .isInstanceOf(PurchaseAlreadyRecordedException.class);
    }

    @Test
    void aPurchasesChecksAreAnsweredInOneReadAsTheyAreStored() {
        Customer marco = aCustomer();
        String receipt = "R-" + UUID.randomUUID();
        inTransaction(em -> {
            new JpaPurchases(em, TestDatabase.CLOCK).add(aPurchase(marco, receipt, List.of()));
            return null;
        });
        Customer elena = aCustomer();

        assertThat(check(Optional.of(marco.id()), receipt)).isEqualTo(new PurchaseChecks.Checked(true, true, false));
        assertThat(check(Optional.of(elena.id()), "R-" + UUID.randomUUID()))
                .isEqualTo(new PurchaseChecks.Checked(true, false, false));
        assertThat(check(Optional.of(CustomerId.newId()), null))
                .isEqualTo(new PurchaseChecks.Checked(false, false, false));
        assertThat(check(Optional.empty(), receipt)).isEqualTo(new PurchaseChecks.Checked(false, true, false));

        // a block sent to be printed at the till for Elena, not printed yet; another one of hers printed
        UUID waiting = UUID.randomUUID();
        UUID printed = UUID.randomUUID();
        for (UUID id : List.of(waiting, printed)) {
            TestDatabase.inTransaction(em -> new JpaMessages(em, TestDatabase.CLOCK)
                    .add(
                            Message.queue(
                                    id,
                                    elena.id(),
                                    "rule:" + UUID.randomUUID(),
                                    new Message.Routing(
                                            MessageKind.MARKETING,
                                            3,
                                            Optional.of(Channel.PRINT_AT_TILL),
                                            Optional.of("MI-001")),
                                    new Message.Content("Ciao {firstName}", java.util.Map.of()),
                                    Optional.of(Channel.PRINT_AT_TILL),
                                    NOW),
                            new StatusChange("QUEUED", "queued", NOW)));
        }
        assertThat(check(Optional.of(elena.id()), null).printWaiting()).isFalse();
        inTransaction(em -> em.createNativeQuery(
                        "UPDATE message SET channel = 'PRINT_AT_TILL', status = CASE WHEN id = ? THEN 'DELIVERED'"
                                + " ELSE 'SENT' END WHERE id IN (?, ?)")
                .setParameter(1, printed.toString())
                .setParameter(2, printed.toString())
                .setParameter(3, waiting.toString())
                .executeUpdate());

        assertThat(check(Optional.of(elena.id()), null)).isEqualTo(new PurchaseChecks.Checked(true, false, true));
        assertThat(check(Optional.of(marco.id()), null).printWaiting()).isFalse();
    }

    private static PurchaseChecks.Checked check(Optional<CustomerId> customer, String receipt) {
        return inTransaction(em -> new SqlPurchaseChecks(em).check(customer, "MI-001", Optional.ofNullable(receipt)));
    }

    @Test
    void aTemplatesDefinitionIsReadOnce() {
        CouponTemplate template = aTemplate();
        jakarta.persistence.EntityManager reader = TestDatabase.entityManagers().createEntityManager();
        try {
            JpaCouponTemplates templates = new JpaCouponTemplates(reader, TestDatabase.CLOCK, TestDatabase.CURRENCY);

            assertThat(templates.byId(template.id())).isPresent();
            // the definition never changes: a second read is served without the database
            inTransaction(em -> em.createNativeQuery(
                            "UPDATE coupon_template SET name = 'renamed behind its back' WHERE id = ?")
                    .setParameter(1, template.id().toString())
                    .executeUpdate());
            reader.clear();
            assertThat(templates.byId(template.id()).orElseThrow().name()).isEqualTo("Two off");
            assertThat(templates.byId(CouponTemplateId.newId())).isEmpty();
        } finally {
            reader.close();
        }
    }

    @Test
    void aReversalIsStoredOnTheVersionItWasReadAt() {
        Customer marco = aCustomer();
        Purchase purchase = aPurchase(marco, "R-" + UUID.randomUUID(), List.of());
        inTransaction(em -> {
            new JpaPurchases(em, TestDatabase.CLOCK).add(purchase);
            return null;
        });

        inTransaction(em -> {
            JpaPurchases purchases = new JpaPurchases(em, TestDatabase.CLOCK);
            Purchase locked = purchases.lockedById(purchase.id()).orElseThrow();
            purchases.saveReversal(
                    locked, locked.reverse(List.of(new LineReturn(1, 2)), NOW).event());
            return null;
        });
        Purchase stale = inTransaction(em -> new JpaPurchases(em, TestDatabase.CLOCK).byId(purchase.id()))
                .orElseThrow();
        Purchase stale2 = inTransaction(em -> new JpaPurchases(em, TestDatabase.CLOCK).byId(purchase.id()))
                .orElseThrow();
        inTransaction(em -> {
            new JpaPurchases(em, TestDatabase.CLOCK)
                    .saveReversal(stale, stale.reverse(List.of(), NOW).event());
            return null;
        });

        assertThatThrownBy(() -> inTransaction(em -> {
                    new JpaPurchases(em, TestDatabase.CLOCK)
                            .saveReversal(stale2, stale2.reverse(List.of(), NOW).event());
                    return null;
                }))
                .isInstanceOf(ConcurrentUpdateException.class);
        Purchase read = inTransaction(em -> new JpaPurchases(em, TestDatabase.CLOCK).byId(purchase.id()))
                .orElseThrow();
        assertThat(read.isWhollyReversed()).isTrue();
        assertThat(read.reversals()).isEqualTo(2);
        assertThat(read.pointsReversed()).isEqualTo(purchase.pointsAwarded());
    }

    @Test
    void aCouponChangesStateOnlyFromTheStatusItWasReadIn() {
        Customer marco = aCustomer();
        CouponTemplate template = aTemplate();
        Coupon bearer = aCoupon(template, null);

        inTransaction(em -> {
            JpaCoupons coupons = new JpaCoupons(em, TestDatabase.CLOCK);
            Coupon locked = coupons.lockedByCode(bearer.code()).orElseThrow();
            Coupon redeemed = Coupon.reconstitute(
                    locked.code(),
                    locked.templateId(),
                    null,
                    CouponStatus.REDEEMED,
                    locked.validFrom(),
                    locked.validUntil(),
                    "purchase:1");
            coupons.saveTransition(redeemed, CouponStatus.ISSUED, marco.id());
            new JpaCouponTemplates(em, TestDatabase.CLOCK, TestDatabase.CURRENCY).addRedemptions(template.id(), 1);
            return null;
        });

        assertThatThrownBy(() -> inTransaction(em -> {
                    new JpaCoupons(em, TestDatabase.CLOCK).saveTransition(bearer, CouponStatus.ISSUED, marco.id());
                    return null;
                }))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat((Long) inTransaction(
                        em -> new JpaCoupons(em, TestDatabase.CLOCK).redeemedCount(template.id(), marco.id())))
                .isEqualTo(1);
        assertThat((Long) inTransaction(em -> new JpaCouponTemplates(em, TestDatabase.CLOCK, TestDatabase.CURRENCY)
                        .lockRedemptions(template.id())))
                .isEqualTo(1);
        assertThat(inTransaction(em -> new JpaCoupons(em, TestDatabase.CLOCK).byCode(bearer.code()))
                        .orElseThrow()
                        .redemptionReference())
                .contains("purchase:1");
    }

    private static IdempotentRequest request(String key, String body) {
        return new IdempotentRequest("TERMINAL/MI-001/till-1", new IdempotencyKey(key), IdempotentRequest.sha256(body));
    }

    @Test
    void aKeyIsClaimedOnceAndThenHoldsItsResponse() {
        IdempotentRequest request = request(UUID.randomUUID().toString(), "{}");

        Optional<IdempotencyRecords.Recorded> first = inTransaction(em -> {
            JpaIdempotencyRecords records = new JpaIdempotencyRecords(em);
            Optional<IdempotencyRecords.Recorded> claim = records.claim(request, NOW);
            records.complete(request, new StoredResponse(201, "{\"a\":1}", "/x"));
            return claim;
        });
        Optional<IdempotencyRecords.Recorded> second =
                inTransaction(em -> new JpaIdempotencyRecords(em).claim(request, NOW));

        assertThat(first).isEmpty();
        assertThat(second)
                .contains(new IdempotencyRecords.Recorded(
                        request.fingerprint(), new StoredResponse(201, "{\"a\":1}", "/x")));
    }

    @Test
    void aRolledBackClaimLeavesTheKeyFree() {
        IdempotentRequest request = request(UUID.randomUUID().toString(), "{}");

        assertThatThrownBy(() -> inTransaction(em -> {
                    new JpaIdempotencyRecords(em).claim(request, NOW);
                    throw new IllegalStateException("the request failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat((Optional<IdempotencyRecords.Recorded>)
                        inTransaction(em -> new JpaIdempotencyRecords(em).claim(request, NOW)))
                .isEmpty();
    }

    @Test
    void aSecondClaimWaitsForTheFirstTransactionAndThenSeesItsResponse() throws Exception {
        IdempotentRequest request = request(UUID.randomUUID().toString(), "{}");
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTransaction(em -> {
            JpaIdempotencyRecords records = new JpaIdempotencyRecords(em);
            assertThat(records.claim(request, NOW)).isEmpty();
            claimed.countDown();
            await(release);
            records.complete(request, new StoredResponse(201, "{\"first\":true}", null));
            return null;
        }));
        claimed.await(10, TimeUnit.SECONDS);
        CompletableFuture<Optional<IdempotencyRecords.Recorded>> second = CompletableFuture.supplyAsync(
                () -> inTransaction(em -> new JpaIdempotencyRecords(em).claim(request, NOW)));

        Thread.sleep(500);
        assertThat(second).isNotDone();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);

        assertThat(second.get(10, TimeUnit.SECONDS))
                .map(r -> r.response().body())
                .contains("{\"first\":true}");
    }

    @Test
    void keysOlderThanTheCutoffArePurged() {
        IdempotentRequest old = request(UUID.randomUUID().toString(), "{}");
        IdempotentRequest recent = request(UUID.randomUUID().toString(), "{}");
        inTransaction(em -> {
            JpaIdempotencyRecords records = new JpaIdempotencyRecords(em);
            records.claim(old, Instant.parse("2020-01-01T00:00:00Z"));
            records.complete(old, new StoredResponse(201, "{}", null));
            records.claim(recent, NOW);
            records.complete(recent, new StoredResponse(201, "{}", null));
            return null;
        });

        int purged = inTransaction(em -> new JpaIdempotencyRecords(em).purgeRecordedBefore(NOW.minusSeconds(3600)));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat((Optional<IdempotencyRecords.Recorded>)
                        inTransaction(em -> new JpaIdempotencyRecords(em).claim(old, NOW)))
                .as("a purged key is free again")
                .isEmpty();
        assertThat((Optional<IdempotencyRecords.Recorded>)
                        inTransaction(em -> new JpaIdempotencyRecords(em).claim(recent, NOW)))
                .isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
