package dev.loyalty.adapters.persistence.history;

import static dev.loyalty.adapters.persistence.TestDatabase.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.metrics.SqlCustomerMetrics;
import dev.loyalty.application.history.ImportId;
import dev.loyalty.domain.customer.CustomerId;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * An import's batches mark their customers' metrics due, held by the import: the metrics' worker
 * and a read settling every due customer leave them while the import runs (so that a customer is
 * recomputed once, after it, rather than after every batch naming it), a read of one customer's
 * profile takes that one, and the import's end hands the rest to the worker.
 */
class ImportDueMarksIT {

    private static final Duration LEASE = Duration.ofMinutes(1);

    @Test
    void anImportHoldsItsCustomersDueMarksUntilItEnds() throws SQLException {
        TestDatabase.entityManagers(); // the schema
        MariaDbDataSource dataSource = new MariaDbDataSource(System.getProperty("loyalty.it.db.url"));
        dataSource.setUser(System.getProperty("loyalty.it.db.user"));
        dataSource.setPassword(System.getProperty("loyalty.it.db.password"));
        SqlImportedHistory history = new SqlImportedHistory(dataSource);
        ImportId running = ImportId.newId();
        CustomerId first = new CustomerId(UUID.randomUUID());
        CustomerId second = new CustomerId(UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        history.markDue(running, List.of(first, second), now);
        history.markDue(running, List.of(second), now.plusSeconds(1)); // a later batch names one again

        List<CustomerId> worker = claim(Optional.empty(), now.plusSeconds(2));
        assertThat(worker).as("the worker leaves an import's customers").doesNotContain(first, second);
        List<CustomerId> settling = claim(Optional.of(now.plusSeconds(2)), now.plusSeconds(2));
        assertThat(settling).as("so does a read settling every due customer").doesNotContain(first, second);
        boolean profile = inTransaction(
                em -> new SqlCustomerMetrics(em).claimDue(UUID.randomUUID(), second, now.plusSeconds(2), LEASE));
        assertThat(profile)
                .as("a read of one customer's profile takes that customer")
                .isTrue();

        history.releaseDue(running, now.plusSeconds(3));

        List<CustomerId> after = claim(Optional.empty(), now.plusSeconds(3));
        assertThat(after)
                .as("once the import ended, the worker takes its customers (not the one a read holds)")
                .contains(first)
                .doesNotContain(second);
    }

    private static List<CustomerId> claim(Optional<Instant> markedBy, Instant now) {
        UUID claim = UUID.randomUUID();
        List<CustomerId> claimed =
                inTransaction(em -> new SqlCustomerMetrics(em).claimDue(claim, now, LEASE, markedBy, 100_000));
        inTransaction(em -> {
            new SqlCustomerMetrics(em).releaseDue(claim);
            return null;
        });
        return claimed;
    }
}
