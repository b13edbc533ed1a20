package dev.loyalty.app;

import dev.loyalty.adapters.persistence.schema.DatabaseMigrations;
import jakarta.annotation.sql.DataSourceDefinition;
import java.sql.Connection;

/**
 * The service's database connection pool ({@code java:app/jdbc/loyalty}), whose coordinates come
 * from MicroProfile Config: {@code LOYALTY_DB_URL}, {@code LOYALTY_DB_USER},
 * {@code LOYALTY_DB_PASSWORD} (the launcher sets them for the embedded MariaDB). Defined here, in
 * the WAR's own classes, because Payara binds resource definitions only from there. Local (not XA)
 * transactions, and the driver's connect and socket timeouts: see {@link LocalMariaDbDataSource}.
 * Connections are validated before use.
 */
@DataSourceDefinition(
        name = DatabaseMigrations.DATA_SOURCE,
        className = "dev.loyalty.app.LocalMariaDbDataSource",
        url = "${MPCONFIG=loyalty.db.url}",
        user = "${MPCONFIG=loyalty.db.user}",
        password = "${MPCONFIG=loyalty.db.password}",
        initialPoolSize = 2,
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        // a connection is waited for at most this long (seconds), MariaDB down or the pool exhausted
        loginTimeout = 10,
        properties = {
            // a connection is checked (SELECT 1) before it is handed out, at most once a second; one
            // that fails makes the pool drop every connection: after a MariaDB restart the stale
            // ones are gone at the first request instead of failing requests one by one
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=1",
            "fish.payara.fail-all-connections=true"
        },
        // limits are guarded by row locks and conditional updates; every read sees what is committed
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED)
public class LoyaltyDataSource {}
