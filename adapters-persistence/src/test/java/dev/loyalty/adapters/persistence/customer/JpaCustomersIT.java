package dev.loyalty.adapters.persistence.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.customer.Customers;
import dev.loyalty.application.customer.CustomersContract;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The customers repository contract against MariaDB: the production persistence unit and
 * migrations, run by EclipseLink outside the container, one resource-local transaction per call.
 */
class JpaCustomersIT extends CustomersContract {

    private static EntityManagerFactory factory;
    private EntityManager current;

    @BeforeAll
    static void migrateAndConnect() {
        String url = System.getProperty("loyalty.it.db.url");
        String user = System.getProperty("loyalty.it.db.user");
        String password = System.getProperty("loyalty.it.db.password");
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        factory = Persistence.createEntityManagerFactory(
                "loyalty",
                Map.of(
                        "jakarta.persistence.transactionType",
                        "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource",
                        "",
                        "jakarta.persistence.jdbc.driver",
                        "org.mariadb.jdbc.Driver",
                        "jakarta.persistence.jdbc.url",
                        url,
                        "jakarta.persistence.jdbc.user",
                        user,
                        "jakarta.persistence.jdbc.password",
                        password));
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Override
    protected Customers customers() {
        return new JpaCustomers(current);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        current = factory.createEntityManager();
        try {
            current.getTransaction().begin();
            T result = work.get();
            current.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (current.getTransaction().isActive()) {
                current.getTransaction().rollback();
            }
            throw e;
        } finally {
            current.close();
        }
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
