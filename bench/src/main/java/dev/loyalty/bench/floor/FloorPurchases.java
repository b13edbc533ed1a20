package dev.loyalty.bench.floor;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The purchase floor's writes: {@link PurchaseWrites} on a connection of the container's pool, sized
 * and validated like the service's ({@code LoyaltyDataSource}: 2 to 32 connections, READ COMMITTED,
 * a {@code SELECT 1} check at most once a second), either in a container transaction ({@link
 * #inTransaction}, {@code @Transactional} as the service's use cases) or in a JDBC transaction on the
 * connection ({@link #onConnection}, as the baseline). The database's URL and the coupon template
 * come from system properties the benchmark sets: {@code loyalty.floor.db.url}, {@code
 * loyalty.floor.template}.
 */
@DataSourceDefinition(
        name = FloorPurchases.DATA_SOURCE,
        className = "dev.loyalty.bench.floor.FloorDataSource",
        url = "${MPCONFIG=loyalty.floor.db.url}",
        user = "root",
        password = "",
        initialPoolSize = 2,
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        loginTimeout = 10,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=1",
            "fish.payara.fail-all-connections=true"
        },
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED)
@ApplicationScoped
public class FloorPurchases {

    /** The pool's JNDI name. */
    public static final String DATA_SOURCE = "java:app/jdbc/floor";

    private static final String TEMPLATE = System.getProperty("loyalty.floor.template", "");

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** An SQL failure, by kind; it rolls the container's transaction back. */
    public static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String kind;

        Failed(SQLException cause) {
            super(cause.getMessage(), cause);
            this.kind = PurchaseWrites.kind(cause);
        }

        /** @return the failure's kind, as the baseline counts it */
        public String kind() {
            return kind;
        }
    }

    /** The writes in a container transaction, rolled back on a business failure. */
    @Transactional
    public PurchaseWrites.Outcome inTransaction(PurchaseWrites.Purchase purchase) {
        try (Connection connection = dataSource.getConnection();
                PurchaseWrites writes = new PurchaseWrites(connection, TEMPLATE)) {
            PurchaseWrites.Outcome outcome = writes.write(purchase, Instant.now());
            if (outcome.failure() != null) {
                transactions.setRollbackOnly();
            }
            return outcome;
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }

    /** The writes in a JDBC transaction on a pooled connection, as the baseline runs them. */
    public PurchaseWrites.Outcome onConnection(PurchaseWrites.Purchase purchase) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PurchaseWrites writes = new PurchaseWrites(connection, TEMPLATE)) {
                PurchaseWrites.Outcome outcome = writes.write(purchase, Instant.now());
                if (outcome.failure() == null) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return outcome;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }
}
