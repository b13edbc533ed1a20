package dev.loyalty.adapters.persistence.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest version when the application starts, before it serves a
 * request (a startup singleton: it runs once the application's resources are bound): versioned Flyway migrations from {@code db/migration}, never "drop and create". Several
 * instances starting at once are safe (Flyway locks its history table).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {

    /** The JNDI name of the service's data source (defined by the assembly). */
    public static final String DATA_SOURCE = "java:app/jdbc/loyalty";

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    private volatile boolean migrated;

    // not named like the static migrate below: Payara finds a lifecycle callback by its name only and
    // invoked whichever overload reflection listed first ("wrong number of arguments" at deployment)
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrateAtStart() {
        String summary = migrate(Flyway.configure(getClass().getClassLoader()).dataSource(dataSource));
        migrated = true;
        LOG.info(summary);
    }

    /**
     * Migrates the database {@code configuration} points at.
     *
     * @return what was done: the schema's version now (also when nothing was to be done, where
     *     Flyway's own result names no target) and how many migrations were applied
     */
    static String migrate(FluentConfiguration configuration) {
        long started = System.nanoTime();
        Flyway flyway = configuration
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        // from the result rather than flyway.info(): that would resolve every migration file and read
        // the history table a second time at each start (a quarter of a second of the restart's Flyway)
        String version = Optional.ofNullable(result.targetSchemaVersion)
                .or(() -> Optional.ofNullable(result.initialSchemaVersion))
                .filter(v -> v.matches("\\d+(\\.\\d+)*"))
                .orElse("none");
        return "Schema at version " + version + " (" + result.migrationsExecuted + " migrations applied in "
                + (System.nanoTime() - started) / 1_000_000 + " ms)";
    }

    /** Whether the schema has been brought up to date in this run. */
    public boolean migrated() {
        return migrated;
    }
}
