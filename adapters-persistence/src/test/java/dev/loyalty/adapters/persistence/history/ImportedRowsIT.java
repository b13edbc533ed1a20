package dev.loyalty.adapters.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.application.history.ImportedHistory;
import dev.loyalty.application.history.ImportedLine;
import dev.loyalty.application.history.ImportedReceipt;
import dev.loyalty.domain.purchase.PurchaseId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The import's rows reach MariaDB as the file gave them: the {@code LOAD DATA} text is written as
 * bytes with an ASCII fast path, so a value with a character beyond ASCII, a tab or a backslash
 * (escaped) must come back unchanged, as must a value after it on the same row.
 */
class ImportedRowsIT {

    @Test
    void valuesBeyondAsciiAndWithEscapesAreStoredAsGiven() throws SQLException {
        TestDatabase.entityManagers(); // the schema
        MariaDbDataSource dataSource = new MariaDbDataSource(System.getProperty("loyalty.it.db.url"));
        dataSource.setUser(System.getProperty("loyalty.it.db.user"));
        dataSource.setPassword(System.getProperty("loyalty.it.db.password"));
        SqlImportedHistory history = new SqlImportedHistory(dataSource);
        Instant at = Instant.now().minusSeconds(3_600).truncatedTo(ChronoUnit.MICROS);
        String store = "MI-" + UUID.randomUUID().toString().substring(0, 8);
        List<ImportedLine> lines = List.of(
                new ImportedLine("CRÈME-50", "soins\tvisage", 2, 1_250, 0),
                new ImportedLine("back\\slash", "épicerie-北京", 1, 300, 25),
                new ImportedLine("PLAIN-1", "ready-meals", 3, 599, 0));
        ImportedReceipt receipt = new ImportedReceipt(2, store, "R-€1", at, Optional.empty(), "STORE", lines);
        PurchaseId id = new PurchaseId(UUID.randomUUID());

        history.append(List.of(new ImportedHistory.Resolved(id, receipt, null, 0, List.of())), "EUR", at);

        List<String> stored = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT l.sku, l.category, l.quantity,"
                        + " l.unit_price, l.discount, p.receipt_id, p.total_paid FROM purchase_line l"
                        + " JOIN purchase p ON p.id = l.purchase_id WHERE p.id = ? ORDER BY l.line_number")) {
            query.setString(1, id.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getInt(3) + "|"
                            + rows.getLong(4) + "|" + rows.getLong(5) + "|" + rows.getString(6) + "|"
                            + rows.getLong(7));
                }
            }
        }
        long total = 2 * 1_250 + 300 - 25 + 3 * 599;
        assertThat(stored)
                .containsExactly(
                        "CRÈME-50|soins\tvisage|2|1250|0|R-€1|" + total,
                        "back\\slash|épicerie-北京|1|300|25|R-€1|" + total,
                        "PLAIN-1|ready-meals|3|599|0|R-€1|" + total);
    }
}
