package dev.loyalty.adapters.persistence;

import dev.loyalty.application.shared.ProgrammeCurrency;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.function.Function;
import org.flywaydb.core.Flyway;

/**
 * The test MariaDB the build starts, migrated by the production migrations, and the production
 * persistence unit run by EclipseLink outside the container with resource-local transactions.
 */
public final class TestDatabase {

    /** The service's clock as the application produces it: UTC, in microseconds. */
    public static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    /** The programme currency the service has by default. */
    public static final ProgrammeCurrency CURRENCY = () -> Currency.getInstance("EUR");

    private static EntityManagerFactory factory;

    private TestDatabase() {}

    public static synchronized EntityManagerFactory entityManagers() {
        if (factory == null) {
            String configured = System.getProperty("loyalty.it.db.url");
            // as the service's pool does: row locks guard the limits, each read sees what is committed
            String url = configured + (configured.contains("?") ? "&" : "?") + "transactionIsolation=READ-COMMITTED";
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
        return factory;
    }

    /** Runs {@code work} in its own transaction: committed on success, rolled back on failure. */
    public static <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagers().createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /**
     * Runs one SQL statement with positional parameters in its own transaction (test data the
     * service's API cannot make, or must be backdated).
     *
     * @return the rows it changed
     */
    public static int sql(String sql, Object... parameters) {
        return inTransaction(em -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }
}
