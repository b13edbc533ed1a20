package dev.loyalty.adapters.persistence.metrics;

import static dev.loyalty.adapters.persistence.TestDatabase.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.adapters.persistence.purchase.JpaPurchases;
import dev.loyalty.application.metrics.EngagementWeights;
import dev.loyalty.application.metrics.MetricsDefinition;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
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
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Purchases mark their customer due and a worker recomputes the due customers afterwards, on real
 * threads against MariaDB: tills recording purchases and reversals (each marking its customer in
 * its transaction), the worker claiming and recomputing batches as {@code MetricsService.catchUp}
 * does, and a nightly rebuild's batch over the same customers, all at once. No transaction is a
 * deadlock's victim, and once the marks left are recomputed every customer's rows are exactly what
 * a recomputation over their purchases gives - none of the purchases committed while the worker
 * was recomputing is lost (a purchase takes its customer's mark back from the claim). A reaction
 * settling one customer at a time (its mark claimed, then its rows) races them too.
 */
class DueMetricsIT {

    private static final MetricsDefinition YEAR =
            new MetricsDefinition(12, EngagementWeights.parse(EngagementWeights.DEFAULT));
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final List<String> STORES = List.of("DM-A", "DM-B", "DM-C");
    private static final List<String> CATEGORIES = List.of("fruit", "Fruit", "bakery", "dairy");

    private final Random random = new Random(16_021L);
    private final EarningPolicy policy = new EarningPolicy();
    private final EarningRules rules = EarningRules.flat(1, Currency.getInstance("EUR"), Instant.EPOCH);

    @Test
    void purchasesTheWorkerAndARebuildRaceAndTheRowsEndAsARecomputationGivesThem() throws Exception {
        List<Customer> customers = new ArrayList<>();
        Instant begin = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int c = 0; c < 6; c++) {
            Customer customer = CustomerFixtures.aCustomer().build();
            Purchase first = aPurchase(customer, begin.minus(Duration.ofDays(3)));
            inTransaction(em -> {
                new JpaCustomers(em).add(customer);
                new JpaPurchases(em, TestDatabase.CLOCK).add(first);
                new SqlCustomerMetrics(em).refresh(List.of(customer.id()), Optional.empty(), begin, YEAR);
                return null;
            });
            customers.add(customer);
        }
        List<String> ids =
                customers.stream().map(c -> c.id().toString()).sorted().toList();
        String high = ids.get(ids.size() - 1);
        int tills = customers.size();
        ExecutorService pool = Executors.newFixedThreadPool(tills + 3);
        CyclicBarrier together = new CyclicBarrier(tills + 3);
        AtomicBoolean tillsDone = new AtomicBoolean();
        List<Future<?>> work = new ArrayList<>();
        // the nightly rebuild's batch over all of them, again and again
        work.add(pool.submit(() -> {
            together.await();
            for (int i = 0; i < 6; i++) {
                Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
                inTransaction(em -> {
                    SqlCustomerMetrics metrics = new SqlCustomerMetrics(em);
                    // the cut points the worker's recomputations use: the rows compare whoever wrote them last
                    metrics.recomputeRange("", high, start, YEAR, metrics.cutsAt(start));
                    return null;
                });
            }
            return null;
        }));
        // the worker: claim a batch (committed), recompute it and release the marks it still holds
        int[] recomputed = {0};
        work.add(pool.submit(() -> {
            together.await();
            while (!tillsDone.get()) {
                recomputed[0] += catchUp();
                Thread.sleep(5);
            }
            return null;
        }));
        // a reaction settling its customer as it judges a segment condition (MetricsTransactions#settleWithin):
        // the customer's mark claimed, then its rows recomputed, then the mark released
        int[] settled = {0};
        work.add(pool.submit(() -> {
            together.await();
            for (int turn = 0; !tillsDone.get(); turn++) {
                CustomerId customer = customers.get(turn % customers.size()).id();
                UUID claim = UUID.randomUUID();
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                settled[0] += inTransaction(em -> {
                    SqlCustomerMetrics metrics = new SqlCustomerMetrics(em);
                    if (!metrics.claimDue(claim, customer, now, LEASE)) {
                        return 0;
                    }
                    // stamped once the mark is locked, as MetricsTransactions does
                    metrics.refresh(
                            List.of(customer), Optional.empty(), Instant.now().truncatedTo(ChronoUnit.MICROS), YEAR);
                    metrics.releaseDue(claim);
                    return 1;
                });
            }
            return null;
        }));
        for (Customer customer : customers) {
            List<Purchase> purchases = new ArrayList<>();
            synchronized (random) {
                for (int i = 0; i < 10; i++) {
                    purchases.add(aPurchase(customer, begin.minus(Duration.ofHours(1 + i))));
                }
            }
            work.add(pool.submit(() -> {
                together.await();
                for (int i = 0; i < purchases.size(); i++) {
                    Purchase purchase = purchases.get(i);
                    boolean reverse = i % 4 == 3;
                    inTransaction(em -> {
                        new JpaPurchases(em, TestDatabase.CLOCK).add(purchase);
                        new SqlCustomerMetrics(em).markDue(customer.id(), Instant.now());
                        return null;
                    });
                    if (reverse) {
                        // a reversal of all of it, marking the customer again
                        inTransaction(em -> {
                            em.createNativeQuery("UPDATE purchase SET amount_reversed = total_paid WHERE id = ?")
                                    .setParameter(1, purchase.id().toString())
                                    .executeUpdate();
                            em.createNativeQuery(
                                            "UPDATE purchase_line SET reversed_quantity = quantity WHERE purchase_id = ?")
                                    .setParameter(1, purchase.id().toString())
                                    .executeUpdate();
                            new SqlCustomerMetrics(em).markDue(customer.id(), Instant.now());
                            return null;
                        });
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work.subList(3, work.size())) {
            done.get(); // a deadlock's victim fails its transaction, and so this
        }
        tillsDone.set(true);
        for (Future<?> done : work.subList(0, 3)) {
            done.get();
        }
        pool.shutdown();
        assertThat(recomputed[0])
                .as("the worker recomputed while the tills recorded")
                .isPositive();
        assertThat(settled[0])
                .as("the reaction settled customers while the tills recorded")
                .isPositive();

        // what is still due, recomputed; then nothing is due and every row is the recomputation's
        while (catchUp() > 0) {
            // bounded: nothing marks any more
        }
        Object left = inTransaction(em -> em.createNativeQuery(
                        "SELECT COUNT(*) FROM customer_metrics_due WHERE customer_id IN (?, ?, ?, ?, ?, ?)")
                .setParameter(1, ids.get(0))
                .setParameter(2, ids.get(1))
                .setParameter(3, ids.get(2))
                .setParameter(4, ids.get(3))
                .setParameter(5, ids.get(4))
                .setParameter(6, ids.get(5))
                .getSingleResult());
        assertThat(((Number) left).intValue()).as("marks left").isZero();
        Instant end = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (String id : ids) {
            List<String> stored = inTransaction(em -> rows(em, id));
            EntityManager em = TestDatabase.entityManagers().createEntityManager();
            List<String> recomputedRows;
            try {
                em.getTransaction().begin();
                new SqlCustomerMetrics(em).refresh(List.of(CustomerId.parse(id)), Optional.empty(), end, YEAR);
                recomputedRows = rows(em, id);
            } finally {
                em.getTransaction().rollback();
                em.close();
            }
            assertThat(stored).as("customer %s", id).containsExactlyElementsOf(recomputedRows);
            Object recorded =
                    inTransaction(e -> e.createNativeQuery("SELECT COUNT(*) FROM purchase WHERE customer_id = ?")
                            .setParameter(1, id)
                            .getSingleResult());
            assertThat(((Number) recorded).intValue())
                    .as("every purchase recorded")
                    .isEqualTo(11);
        }
    }

    @Test
    void aMarkTakenBackByAPurchaseAfterTheClaimOutlivesTheRelease() {
        Customer customer = CustomerFixtures.aCustomer().build();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            new JpaPurchases(em, TestDatabase.CLOCK).add(aPurchase(customer, now.minus(Duration.ofDays(1))));
            new SqlCustomerMetrics(em).markDue(customer.id(), now);
            return null;
        });
        UUID claim = UUID.randomUUID();
        List<CustomerId> claimed = inTransaction(
                em -> new SqlCustomerMetrics(em).claimDue(claim, now, LEASE, Optional.of(now), 1_000_000));
        assertThat(claimed).contains(customer.id());
        inTransaction(em ->
                        new SqlCustomerMetrics(em).claimDue(UUID.randomUUID(), now, LEASE, Optional.empty(), 1_000_000))
                .forEach(
                        other -> assertThat(other).as("held by the first claim").isNotEqualTo(customer.id()));

        // a purchase commits between the claim and the release
        inTransaction(em -> {
            new JpaPurchases(em, TestDatabase.CLOCK).add(aPurchase(customer, now));
            new SqlCustomerMetrics(em).markDue(customer.id(), now.plusSeconds(1));
            return null;
        });
        inTransaction(em -> {
            new SqlCustomerMetrics(em).releaseDue(claim);
            return null;
        });
        boolean stillDue =
                inTransaction(em -> new SqlCustomerMetrics(em).claimDue(UUID.randomUUID(), customer.id(), now, LEASE));
        assertThat(stillDue).as("due again after the purchase").isTrue();
    }

    /**
     * Every kind of claimer at once over the same marks, with tills marking again meanwhile: two
     * workers (the unclaimed, then the lapsed, each through its index), a settle before a segment's
     * evaluation (everything marked before it, taking claims over) and reactions claiming one
     * customer each. They queue: none is a deadlock's victim (a victim's transaction fails, and so
     * its thread), and once they are done nothing marked is left.
     */
    @Test
    void claimersOfEveryKindQueueRatherThanDeadlock() throws Exception {
        List<CustomerId> marked = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            marked.add(CustomerId.newId());
        }
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        inTransaction(em -> {
            SqlCustomerMetrics metrics = new SqlCustomerMetrics(em);
            marked.forEach(customer -> metrics.markDue(customer, start));
            // some claims of a worker that died: lapsed, taken over through the other index
            metrics.claimDue(UUID.randomUUID(), start.minus(Duration.ofHours(1)), LEASE, Optional.empty(), 500);
            return null;
        });
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Future<Integer>> work = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            work.add(pool.submit(() -> {
                together.await();
                int claimed = 0;
                for (int turn = 0; turn < 40; turn++) {
                    claimed += releasedAfter(Optional.empty(), 50);
                }
                return claimed;
            }));
        }
        work.add(pool.submit(() -> {
            together.await();
            int claimed = 0;
            for (int turn = 0; turn < 20; turn++) {
                claimed += releasedAfter(Optional.of(Instant.now()), 200);
            }
            return claimed;
        }));
        work.add(pool.submit(() -> {
            together.await();
            int claimed = 0;
            for (int turn = 0; turn < 300; turn++) {
                CustomerId customer = marked.get((turn * 7919) % marked.size());
                UUID claim = UUID.randomUUID();
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                claimed += inTransaction(em -> {
                    SqlCustomerMetrics metrics = new SqlCustomerMetrics(em);
                    if (!metrics.claimDue(claim, customer, now, LEASE)) {
                        return 0;
                    }
                    metrics.releaseDue(claim);
                    return 1;
                });
            }
            return claimed;
        }));
        for (int t = 0; t < 2; t++) {
            int till = t;
            work.add(pool.submit(() -> {
                together.await();
                for (int turn = 0; turn < 300; turn++) {
                    CustomerId customer = marked.get((turn * 31 + till * 1_499) % marked.size());
                    inTransaction(em -> {
                        new SqlCustomerMetrics(em).markDue(customer, Instant.now());
                        return null;
                    });
                }
                return 0;
            }));
        }
        int claimed = 0;
        for (Future<Integer> done : work) {
            try {
                claimed += done.get(); // a deadlock's victim fails its transaction, and so this
            } catch (ExecutionException e) {
                throw new AssertionError("a claimer failed; InnoDB's last deadlock:\n" + lastDeadlock(), e);
            }
        }
        pool.shutdown();
        assertThat(claimed).as("marks claimed and released").isPositive();
        while (releasedAfter(Optional.of(Instant.now()), 1_000) > 0) {
            // bounded: nothing marks any more
        }
        List<String> ids = marked.stream().map(CustomerId::toString).toList();
        Object left = inTransaction(
                em -> em.createNativeQuery("SELECT COUNT(*) FROM customer_metrics_due WHERE customer_id IN ('"
                                + String.join("', '", ids) + "')")
                        .getSingleResult());
        assertThat(((Number) left).intValue()).as("marks left").isZero();
    }

    /** What InnoDB says of the last deadlock it found (the transactions, their statements and locks). */
    private static String lastDeadlock() {
        Object[] status = (Object[]) inTransaction(em -> em.createNativeQuery("SHOW ENGINE INNODB STATUS")
                .getResultList()
                .get(0));
        String text = String.valueOf(status[2]);
        int from = text.indexOf("LATEST DETECTED DEADLOCK");
        int to = text.indexOf("TRANSACTIONS\n------------", Math.max(from, 0));
        return from < 0 ? "(none)" : text.substring(from, to < 0 ? text.length() : to);
    }

    /** A claim committed on its own, then the marks locked and released (no purchases to recompute). */
    private static int releasedAfter(Optional<Instant> markedBy, int limit) {
        UUID claim = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<CustomerId> due =
                inTransaction(em -> new SqlCustomerMetrics(em).claimDue(claim, now, LEASE, markedBy, limit));
        if (!due.isEmpty()) {
            inTransaction(em -> {
                SqlCustomerMetrics metrics = new SqlCustomerMetrics(em);
                metrics.lockDue(due);
                metrics.releaseDue(claim);
                return null;
            });
        }
        return due.size();
    }

    /** One turn of the worker: a claim committed on its own, then the recomputation and the release. */
    private static int catchUp() {
        UUID claim = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<CustomerId> due =
                inTransaction(em -> new SqlCustomerMetrics(em).claimDue(claim, now, LEASE, Optional.empty(), 200));
        if (!due.isEmpty()) {
            inTransaction(em -> {
                SqlCustomerMetrics metrics = new SqlCustomerMetrics(em);
                metrics.lockDue(due);
                // stamped once the marks are locked, as MetricsTransactions does: stamped before the
                // claim, a rebuild batch started in between won over this with rows missing a purchase
                metrics.refresh(due, Optional.empty(), Instant.now().truncatedTo(ChronoUnit.MICROS), YEAR);
                metrics.releaseDue(claim);
                return null;
            });
        }
        return due.size();
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
                        "DM-" + UUID.randomUUID(),
                        SalesChannel.STORE,
                        at,
                        customer.id(),
                        policy.pointsFor(rules, lines),
                        List.of(),
                        Money.of(paid, "EUR"))
                .purchase();
    }

    /** Every metrics row of the customer but when it was computed, as text in a fixed order (SKUs too). */
    private static List<String> rows(EntityManager em, String customer) {
        List<String> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery(
                        """
                        SELECT CONCAT_WS('|', first_purchase_at, last_purchase_at, frequency, monetary, average_basket,
                            visits_per_month_x100, lifetime_value, lifetime_visits, home_store, rfm_r, rfm_f, rfm_m,
                            engagement, window_months)
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
        rows.add("skus: "
                + em.createNativeQuery("SELECT CONCAT_WS('|', LOWER(sku), last_purchase_at) FROM customer_sku_metrics"
                                + " WHERE customer_id = ? ORDER BY LOWER(sku)")
                        .setParameter(1, customer)
                        .getResultList());
        return rows;
    }
}
