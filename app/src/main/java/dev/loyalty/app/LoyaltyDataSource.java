package dev.loyalty.app;

import jakarta.annotation.sql.DataSourceDefinition;
import java.sql.Connection;

/**
 * The service's database connection pool ({@code java:app/jdbc/loyalty}), whose coordinates come
 * from MicroProfile Config: {@code LOYALTY_DB_URL}, {@code LOYALTY_DB_USER},
 * {@code LOYALTY_DB_PASSWORD} (the launcher sets them for the embedded MariaDB). Defined here, in
 * the WAR's own classes, because Payara binds resource definitions only from there. Local (not XA)
 * transactions: see {@link LocalMariaDbDataSource}.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/loyalty",
        className = "dev.loyalty.app.LocalMariaDbDataSource",
        url = "${MPCONFIG=loyalty.db.url}",
        user = "${MPCONFIG=loyalty.db.user}",
        password = "${MPCONFIG=loyalty.db.password}",
        initialPoolSize = 2,
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        // limits are guarded by row locks and conditional updates; every read sees what is committed
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED)
public class LoyaltyDataSource {}
