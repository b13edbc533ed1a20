package dev.loyalty.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure the baseline's tables exist: the service creates them (migration V5) when its jar
 * has the purchase code; an older jar does not, and then the benchmark runs the repository's
 * {@code V5__*.sql} itself over JDBC, and says so.
 */
final class PurchaseSchema {

    private static final List<String> TABLES =
            List.of("purchase", "purchase_line", "purchase_coupon", "purchase_reversal", "idempotency_record");

    private PurchaseSchema() {}

    /**
     * Applies V5 when none of its tables exists.
     *
     * @return the migration file applied, or {@code null} when the service had migrated already
     */
    static Path ensure(Connection connection, Path migrations) throws SQLException, IOException {
        int present = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
            for (String table : TABLES) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    present += rows.getInt(1);
                }
            }
        }
        if (present == TABLES.size()) {
            return null;
        }
        if (present > 0) {
            throw new IllegalStateException("the schema has only " + present + " of the tables " + TABLES
                    + ": neither migrated by the service nor untouched");
        }
        Path file = v5(migrations);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement sql = connection.createStatement()) {
            for (String statement : statements(Files.readString(file))) {
                sql.execute(statement);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return file;
    }

    private static Path v5(Path migrations) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(migrations, "V5__*.sql")) {
            for (Path file : files) {
                return file;
            }
        }
        throw new IllegalStateException("the service did not create the purchase tables and there is no V5__*.sql in "
                + migrations + " (set -Dbench.migrations)");
    }

    /** The statements of a migration: comment lines dropped, split at semicolons ending a line. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().trim();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }
}
