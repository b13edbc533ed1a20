package dev.loyalty.adapters.persistence.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The new-contact counts against MariaDB: each transaction a fresh entity manager and adapter (as
 * another instance or a restarted one would be), the count in the table; parallel changes counted
 * each; a rolled-back change counts nothing.
 */
class SqlContactChangeQuotaIT {

    static final Duration DAY = Duration.ofDays(1);

    final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    static CustomerId aCustomer() {
        Customer customer = CustomerFixtures.aCustomer().build();
        TestDatabase.inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer.id();
    }

    /** One change counted by a new adapter in its own transaction, as any instance would. */
    static Optional<Instant> take(CustomerId customer, int contacts, Instant at) {
        return TestDatabase.inTransaction(em -> new SqlContactChangeQuota(em).take(customer, contacts, 3, DAY, at));
    }

    static long used(CustomerId customer) {
        return TestDatabase.inTransaction(
                em -> ((Number) em.createNativeQuery("SELECT used FROM contact_change_quota WHERE customer_id = ?")
                                .setParameter(1, customer.toString())
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void theCountIsTheTablesSoEveryInstanceAndARestartSeeIt() {
        CustomerId marco = aCustomer();

        assertThat(take(marco, 1, now)).isEmpty();
        assertThat(take(marco, 2, now.plusSeconds(60))).isEmpty();

        assertThat(take(marco, 1, now.plus(Duration.ofHours(5))))
                .as("the fourth of three a day: refused until the day opened by the first ends")
                .contains(now.plus(DAY));
        assertThat(used(marco)).isEqualTo(3);
        assertThat(take(aCustomer(), 3, now))
                .as("another customer counts apart")
                .isEmpty();

        assertThat(take(marco, 1, now.plus(DAY))).as("a new day").isEmpty();
        assertThat(used(marco)).isEqualTo(1);
        assertThat(take(marco, 3, now.plus(DAY).plusSeconds(1)))
                .as("two new contacts at once do not fit in the one left")
                .contains(now.plus(DAY).plus(DAY));
        assertThat(used(marco)).isEqualTo(1);
    }

    @Test
    void aRolledBackChangeCountsNothing() {
        CustomerId marco = aCustomer();
        take(marco, 2, now);

        assertThatThrownBy(() -> TestDatabase.inTransaction(em -> {
                    new SqlContactChangeQuota(em).take(marco, 1, 3, DAY, now);
                    throw new IllegalStateException("the profile change failed after counting");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(used(marco)).isEqualTo(2);
    }

    @Test
    void parallelChangesOfOneCustomerAreCountedEachAndNoMoreThanTheLimitPass() throws Exception {
        CustomerId marco = aCustomer();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<Instant>>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return take(marco, 1, now);
                }));
            }
            start.countDown();
            int counted = 0;
            for (Future<Optional<Instant>> answer : answers) {
                counted += answer.get(60, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
            }

            assertThat(counted).isEqualTo(3);
            assertThat(used(marco)).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
