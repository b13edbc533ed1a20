package dev.loyalty.adapters.persistence.activity;

import static dev.loyalty.adapters.persistence.TestDatabase.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.activity.DueActivity;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Workers racing on the same customers' events, each in its own transaction on its own connection
 * as the relay's threads and instances do: every event is claimed once, and each customer's events
 * in the order they were kept, although every worker sees every due event and takes batches.
 */
class ReactionOrderIT {

    private static final int EVENTS_PER_CUSTOMER = 40;
    private static final int WORKERS = 6;

    /** Older than anything other tests leave due, so that these rows come first in the due list. */
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    @Test
    void racingWorkersReactToEachEventOnceAndToEachCustomersEventsInOrder() throws Exception {
        inTransaction(em -> em.createNativeQuery("CREATE TABLE IF NOT EXISTS it_reaction_order (seq BIGINT NOT NULL"
                        + " AUTO_INCREMENT PRIMARY KEY, row_id BIGINT NOT NULL, customer_id CHAR(36) NOT NULL)")
                .executeUpdate());
        List<Customer> customers = List.of(aCustomer(), aCustomer(), aCustomer());
        Set<CustomerId> ours = customers.stream().map(Customer::id).collect(Collectors.toSet());
        Map<CustomerId, List<Long>> kept = new LinkedHashMap<>();
        // interleaved, as the customers' events arrive
        for (int i = 0; i < EVENTS_PER_CUSTOMER; i++) {
            for (Customer customer : customers) {
                kept.computeIfAbsent(customer.id(), c -> new ArrayList<>()).add(appended(customer, i));
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(pool.submit(() -> {
                start.await();
                int reacted = 0;
                int idle = 0;
                // bounded: the work is 120 events; a worker stops after 50 idle looks in a row
                for (int loop = 0; loop < 10_000 && idle < 50; loop++) {
                    int now = oneBatch(ours);
                    reacted += now;
                    idle = now == 0 ? idle + 1 : 0;
                    if (now == 0) {
                        Thread.sleep(5);
                    }
                }
                return reacted;
            }));
        }
        start.countDown();
        int reacted = 0;
        for (Future<Integer> worker : workers) {
            reacted += worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(reacted).isEqualTo(customers.size() * EVENTS_PER_CUSTOMER);
        for (Customer customer : customers) {
            List<Long> log = inTransaction(em -> em
                    .createNativeQuery("SELECT row_id FROM it_reaction_order WHERE customer_id = ? ORDER BY seq")
                    .setParameter(1, customer.id().toString())
                    .getResultList()
                    .stream()
                    .map(n -> ((Number) n).longValue())
                    .toList());
            assertThat(log).as("each event once, in the order kept").containsExactlyElementsOf(kept.get(customer.id()));
        }
        assertThat(workers.stream().filter(w -> {
                    try {
                        return w.get() > 0;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .as("the work was shared")
                .hasSizeGreaterThan(1);
    }

    /**
     * One worker's transaction, as the relay's: a due event of each customer, claimed together; a
     * pause while holding them, so that the others try to take them meanwhile.
     */
    private static int oneBatch(Set<CustomerId> ours) {
        return inTransaction(em -> {
            JpaActivityLog log = new JpaActivityLog(em);
            Instant now = Instant.now();
            Map<CustomerId, List<Long>> dueByCustomer = new LinkedHashMap<>();
            for (ActivityLog.DueRow row : log.dueRows(now, 200)) {
                if (ours.contains(row.customerId())) {
                    dueByCustomer
                            .computeIfAbsent(row.customerId(), c -> new ArrayList<>())
                            .add(row.rowId());
                }
            }
            // adversarial: any of each customer's first three due events, not only the oldest, so
            // that the order rests on the claim's own check and not on the callers' care
            List<Long> candidates = new ArrayList<>();
            dueByCustomer
                    .values()
                    .forEach(rows ->
                            candidates.add(rows.get(ThreadLocalRandom.current().nextInt(Math.min(3, rows.size())))));
            List<DueActivity> claimed = log.claimHeads(candidates, now);
            for (DueActivity due : claimed) {
                em.createNativeQuery("INSERT INTO it_reaction_order (row_id, customer_id) VALUES (?, ?)")
                        .setParameter(1, due.rowId())
                        .setParameter(2, due.activity().customerId().toString())
                        .executeUpdate();
            }
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.reacted(claimed.stream().map(DueActivity::rowId).toList());
            return claimed.size();
        });
    }

    @Test
    void theSharesOfTheDueRowsSplitThemByTheCustomersCrc() {
        List<Customer> customers = List.of(aCustomer(), aCustomer(), aCustomer(), aCustomer());
        Set<CustomerId> ours = customers.stream().map(Customer::id).collect(Collectors.toSet());
        for (Customer customer : customers) {
            appended(customer, 0);
        }
        Instant now = Instant.now();
        List<ActivityLog.DueRow> all = inTransaction(em -> new JpaActivityLog(em).dueRows(now, 10_000)).stream()
                .filter(row -> ours.contains(row.customerId()))
                .toList();
        List<ActivityLog.DueRow> union = new ArrayList<>();
        for (int share = 0; share < 3; share++) {
            int wanted = share;
            List<ActivityLog.DueRow> rows = inTransaction(em -> new JpaActivityLog(em).dueRows(now, 10_000, wanted, 3));
            assertThat(rows)
                    .as("only the share's customers, as Java computes the share")
                    .allMatch(row -> ActivityLog.shareOf(row.customerId(), 3) == wanted);
            rows.stream().filter(row -> ours.contains(row.customerId())).forEach(union::add);
        }
        assertThat(union).containsExactlyInAnyOrderElementsOf(all).hasSize(customers.size());
        inTransaction(em -> {
            new JpaActivityLog(em)
                    .reacted(all.stream().map(ActivityLog.DueRow::rowId).toList());
            return null;
        });
    }

    private static Customer aCustomer() {
        Customer customer = CustomerFixtures.aCustomer().build();
        inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer;
    }

    private static long appended(Customer customer, int index) {
        String eventId = "order-" + UUID.randomUUID();
        Instant at = LONG_AGO.plusMillis(index);
        inTransaction(em -> new JpaActivityLog(em)
                .append(new RecordedActivity(
                        eventId,
                        new EventType("APP_OPENED"),
                        EventSource.INTEGRATION,
                        Optional.of(customer.id()),
                        Optional.empty(),
                        Optional.empty(),
                        "MI-001",
                        at,
                        at,
                        Map.of())));
        return inTransaction(em -> ((Number) em.createNativeQuery("SELECT id FROM customer_event WHERE event_id = ?")
                        .setParameter(1, eventId)
                        .getSingleResult())
                .longValue());
    }
}
