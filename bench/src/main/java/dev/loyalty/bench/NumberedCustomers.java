package dev.loyalty.bench;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Customers generated straight into the table, set-based: a table of the numbers 1..n (doubled
 * until it is full), then card numbers {@code 29} + the number, in chunks of 100,000.
 */
final class NumberedCustomers {

    private NumberedCustomers() {}

    /** Leaves {@code bench_n} (1..count) behind for the caller's own rows. */
    static void insert(Statement sql, long count, String preferredChannel) throws SQLException {
        sql.execute("CREATE TABLE bench_n (n INT NOT NULL PRIMARY KEY) ENGINE = InnoDB");
        sql.execute("INSERT INTO bench_n (n) VALUES (1)");
        for (long done = 1; done < count; done *= 2) {
            sql.executeUpdate(
                    "INSERT INTO bench_n (n) SELECT n + " + done + " FROM bench_n WHERE n + " + done + " <= " + count);
        }
        int chunk = 100_000;
        for (long from = 1; from <= count; from += chunk) {
            sql.executeUpdate(
                    """
                    INSERT INTO customer (id, card_number, first_name, preferred_channel, enrolment_channel,
                                          enrolled_at, version)
                    SELECT UUID(), CONCAT('29', LPAD(n, 11, '0')), 'Bench', '%s', 'WEB', '2024-01-01', 0
                    FROM bench_n WHERE n BETWEEN %d AND %d ORDER BY n"""
                            .formatted(preferredChannel, from, from + chunk - 1));
        }
    }
}
