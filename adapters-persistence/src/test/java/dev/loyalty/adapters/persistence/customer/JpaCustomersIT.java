package dev.loyalty.adapters.persistence.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.CustomersContract;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The customers repository contract against MariaDB: the production persistence unit and
 * migrations, run by EclipseLink outside the container, one resource-local transaction per call.
 */
class JpaCustomersIT extends CustomersContract {

    private EntityManager current;

    @Override
    protected Customers customers() {
        return new JpaCustomers(current);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return TestDatabase.inTransaction(em -> {
            current = em;
            return work.get();
        });
    }

    @Test
    void cardNumberSerialsNeverRepeat() {
        Set<Long> serials = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            serials.add(inTransaction(() -> new SequenceCardNumberSerials(current).next()));
        }
        assertThat(serials).hasSize(50);
    }
}
