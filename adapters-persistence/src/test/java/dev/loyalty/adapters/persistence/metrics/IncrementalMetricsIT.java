package dev.loyalty.adapters.persistence.metrics;

import static dev.loyalty.adapters.persistence.TestDatabase.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.adapters.persistence.purchase.JpaPurchases;
import dev.loyalty.application.metrics.EngagementWeights;
import dev.loyalty.application.metrics.MetricsDefinition;
import dev.loyalty.application.metrics.RfmCuts;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.earning.EarningPolicy;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.PricedLine;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.Money;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A new purchase added to the stored metrics (no read of the history) gives exactly what the
 * recomputation over the customer's purchases gives: a one-month window, so that purchases leave it
 * between two purchases; a history with partial reversals and unpaid receipts (no visit), several
 * stores (the home store), categories in upper and lower case, backdated purchases, some older than
 * the window; RFM cut points. After each purchase, the recomputation is run in a transaction that is
 * rolled back and every row compared.
 */
class IncrementalMetricsIT {

    private static final MetricsDefinition ONE_MONTH =
            new MetricsDefinition(1, EngagementWeights.parse(EngagementWeights.DEFAULT));
    private static final RfmCuts CUTS =
            new RfmCuts(List.of(3L, 8L, 15L, 30L), List.of(1L, 2L, 3L, 5L), List.of(1_000L, 3_000L, 6_000L, 12_000L));
    private static final List<String> STORES = List.of("IM-A", "IM-B", "IM-C");
    private static final List<String> CATEGORIES = List.of("fruit", "Fruit", "bakery", "dairy");

    private final Random random = new Random(16_021L);
    private final EarningPolicy policy = new EarningPolicy();
    private final EarningRules rules = EarningRules.flat(1, Currency.getInstance("EUR"), Instant.EPOCH);

    @Test
    void anAddedPurchaseGivesWhatTheRecomputationGives() {
        for (int c = 0; c < 4; c++) {
            Customer customer = CustomerFixtures.aCustomer().build();
            inTransaction(em -> {
                new JpaCustomers(em).add(customer);
                return null;
            });
            String id = customer.id().toString();
            Instant begin = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(Duration.ofDays(90));

            // the history, some of it given back, recomputed once (as the nightly rebuild would)
            List<Purchase> history = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                history.add(aPurchase(customer, begin.minus(Duration.ofHours(random.nextInt(24 * 50)))));
            }
            inTransaction(em -> {
                history.forEach(new JpaPurchases(em, TestDatabase.CLOCK)::add);
                Purchase given = history.get(0);
                em.createNativeQuery("UPDATE purchase SET amount_reversed = total_paid WHERE id = ?")
                        .setParameter(1, given.id().toString())
                        .executeUpdate();
                em.createNativeQuery("UPDATE purchase_line SET reversed_quantity = quantity WHERE purchase_id = ?")
                        .setParameter(1, given.id().toString())
                        .executeUpdate();
                Purchase partly = history.get(1);
                em.createNativeQuery("UPDATE purchase SET amount_reversed = LEAST(total_paid, 100) WHERE id = ?")
                        .setParameter(1, partly.id().toString())
                        .executeUpdate();
                em.createNativeQuery("UPDATE purchase_line SET reversed_quantity = 1 WHERE purchase_id = ?"
                                + " AND line_number = 1")
                        .setParameter(1, partly.id().toString())
                        .executeUpdate();
                new SqlCustomerMetrics(em).recompute(List.of(id), begin, ONE_MONTH, CUTS);
                return null;
            });

            Instant now = begin;
            for (int step = 0; step < 12; step++) {
                now = now.plus(Duration.ofHours(1 + random.nextInt(24 * 9)));
                Instant at = now.minus(Duration.ofHours(random.nextInt(24 * 40)));
                Purchase purchase = aPurchase(customer, at);
                Instant then = now;
                boolean added = inTransaction(em -> {
                    new JpaPurchases(em, TestDatabase.CLOCK).add(purchase);
                    return new SqlCustomerMetrics(em).added(purchase, then, ONE_MONTH, CUTS);
                });
                assertThat(added).as("added to a row of the same window").isTrue();
                List<String> incremental = inTransaction(em -> rows(em, id));

                EntityManager em = TestDatabase.entityManagers().createEntityManager();
                List<String> recomputed;
                try {
                    em.getTransaction().begin();
                    new SqlCustomerMetrics(em).recompute(List.of(id), then, ONE_MONTH, CUTS);
                    recomputed = rows(em, id);
                } finally {
                    em.getTransaction().rollback();
                    em.close();
                }
                assertThat(incremental)
                        .as("customer %d after purchase %d at %s (now %s)", c, step, at, then)
                        .containsExactlyElementsOf(recomputed);
            }
        }
    }

    @Test
    void aRowOfAnotherWindowOrWithoutOneIsLeftToTheRecomputation() {
        Customer customer = CustomerFixtures.aCustomer().build();
        inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Purchase first = aPurchase(customer, now.minus(Duration.ofDays(2)));
        boolean withoutRow = inTransaction(em -> {
            new JpaPurchases(em, TestDatabase.CLOCK).add(first);
            return new SqlCustomerMetrics(em).added(first, now, ONE_MONTH, CUTS);
        });
        assertThat(withoutRow).as("no row yet").isFalse();
        List<String> nothing = inTransaction(em -> rows(em, customer.id().toString()));
        assertThat(nothing).as("nothing written").containsExactly("stores: []", "categories: []");

        inTransaction(em -> {
            new SqlCustomerMetrics(em)
                    .recompute(
                            List.of(customer.id().toString()),
                            now,
                            new MetricsDefinition(12, EngagementWeights.parse(EngagementWeights.DEFAULT)),
                            CUTS);
            return null;
        });
        Purchase second = aPurchase(customer, now.minus(Duration.ofDays(1)));
        boolean otherWindow = inTransaction(em -> {
            new JpaPurchases(em, TestDatabase.CLOCK).add(second);
            return new SqlCustomerMetrics(em).added(second, now.plusSeconds(1), ONE_MONTH, CUTS);
        });
        assertThat(otherWindow).as("a row of a 12-month window").isFalse();
    }

    /**
     * A rebuild batch over the customers while each of them records purchases, on real threads: both
     * lock the category, store and customer rows in one order, so they wait for each other and none
     * is rolled back as a deadlock's victim.
     */
    @Test
    void aRebuildBatchAndPurchasesOfItsCustomersQueueUpRatherThanDeadlock() throws Exception {
        List<Customer> customers = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int c = 0; c < 4; c++) {
            Customer customer = CustomerFixtures.aCustomer().build();
            Purchase first = aPurchase(customer, now.minus(Duration.ofDays(3)));
            inTransaction(em -> {
                new JpaCustomers(em).add(customer);
                new JpaPurchases(em, TestDatabase.CLOCK).add(first);
                new SqlCustomerMetrics(em).recompute(List.of(customer.id().toString()), now, ONE_MONTH, CUTS);
                return null;
            });
            customers.add(customer);
        }
        List<String> ids =
                customers.stream().map(c -> c.id().toString()).sorted().toList();
        String low = "";
        String high = ids.get(ids.size() - 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(5);
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        work.add(pool.submit(() -> {
            together.await();
            for (int i = 0; i < 8; i++) {
                Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
                inTransaction(em -> {
                    new SqlCustomerMetrics(em).recomputeRange(low, high, start, ONE_MONTH, CUTS);
                    return null;
                });
            }
            return null;
        }));
        for (Customer customer : customers) {
            List<Purchase> purchases = new ArrayList<>();
            synchronized (random) {
                for (int i = 0; i < 8; i++) {
                    purchases.add(aPurchase(customer, now.minus(Duration.ofHours(i))));
                }
            }
            work.add(pool.submit(() -> {
                together.await();
                for (Purchase purchase : purchases) {
                    inTransaction(em -> {
                        new JpaPurchases(em, TestDatabase.CLOCK).add(purchase);
                        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        if (!new SqlCustomerMetrics(em).added(purchase, at, ONE_MONTH, CUTS)) {
                            new SqlCustomerMetrics(em)
                                    .recompute(List.of(customer.id().toString()), at, ONE_MONTH, CUTS);
                        }
                        return null;
                    });
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> done : work) {
            done.get(); // a deadlock's victim fails its transaction, and so this
        }
        pool.shutdown();
        for (Customer customer : customers) {
            Object recorded =
                    inTransaction(em -> em.createNativeQuery("SELECT COUNT(*) FROM purchase WHERE customer_id = ?")
                            .setParameter(1, customer.id().toString())
                            .getSingleResult());
            assertThat(((Number) recorded).intValue())
                    .as("every purchase recorded")
                    .isEqualTo(9);
        }
    }

    private Purchase aPurchase(Customer customer, Instant at) {
        List<PricedLine> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        long gross = 0;
        for (int l = 0; l < count; l++) {
            int quantity = 1 + random.nextInt(3);
            long price = 100 + random.nextInt(1_500);
            long discount = random.nextInt(3) == 0 ? random.nextInt((int) (quantity * price / 3)) : 0;
            lines.add(new PricedLine(
                    new BasketLine(
                            "SKU-" + random.nextInt(5),
                            CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                            quantity,
                            Money.of(price, "EUR")),
                    Money.of(discount, "EUR")));
            gross += quantity * price - discount;
        }
        // one receipt in six paid nothing (not a visit)
        long paid = random.nextInt(6) == 0 ? 0 : gross;
        return Purchase.record(
                        PurchaseId.newId(),
                        STORES.get(random.nextInt(STORES.size())),
                        "IM-" + UUID.randomUUID(),
                        SalesChannel.STORE,
                        at,
                        customer.id(),
                        policy.pointsFor(rules, lines),
                        List.of(),
                        Money.of(paid, "EUR"))
                .purchase();
    }

    /** Every metrics row of the customer, as text in a fixed order. */
    private static List<String> rows(EntityManager em, String customer) {
        List<String> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery(
                        """
                        SELECT CONCAT_WS('|', first_purchase_at, last_purchase_at, frequency, monetary, average_basket,
                            visits_per_month_x100, lifetime_value, lifetime_visits, home_store, rfm_r, rfm_f, rfm_m,
                            engagement, window_months, computed_at)
                        FROM customer_metrics WHERE customer_id = ?""")
                .setParameter(1, customer)
                .getResultList()) {
            rows.add("metrics: " + row);
        }
        rows.add("stores: "
                + em.createNativeQuery(
                                "SELECT CONCAT_WS('|', store_id, visits, last_visit_at) FROM customer_store_metrics"
                                        + " WHERE customer_id = ? ORDER BY store_id")
                        .setParameter(1, customer)
                        .getResultList());
        rows.add("categories: "
                + em.createNativeQuery("SELECT CONCAT_WS('|', LOWER(category), spend, share_ppm, last_purchase_at)"
                                + " FROM customer_category_metrics WHERE customer_id = ? ORDER BY LOWER(category)")
                        .setParameter(1, customer)
                        .getResultList());
        return rows;
    }
}
