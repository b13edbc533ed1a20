package dev.loyalty.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The start's schema line against the test MariaDB, which the test database already migrated. */
class DatabaseMigrationsIT {

    @Test
    void aRestartOnAnUpToDateSchemaNamesItsVersion() {
        TestDatabase.entityManagers();

        String summary = DatabaseMigrations.migrate(Flyway.configure()
                .dataSource(
                        System.getProperty("loyalty.it.db.url"),
                        System.getProperty("loyalty.it.db.user"),
                        System.getProperty("loyalty.it.db.password")));

        assertThat(summary).matches("Schema at version \\d+(\\.\\d+)* \\(0 migrations applied in \\d+ ms\\)");
    }
}
