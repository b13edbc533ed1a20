package dev.loyalty.adapters.persistence.history;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.history.ImportId;
import dev.loyalty.application.history.ImportedHistory;
import dev.loyalty.application.history.ImportedLine;
import dev.loyalty.application.history.ImportedReceipt;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Imported receipts in {@code purchase} ({@code source = 'IMPORT'}) and {@code purchase_line}, with
 * the {@code purchase_bought} rows of those of identified customers (a row per category and SKU),
 * written in multi-row statements through plain JDBC on the service's data source (the container
 * shares the transaction's connection; EclipseLink binds a native query's positional parameters
 * in quadratic time, minutes for a statement of thousands), and the customers' monthly qualifying activity upserted in one
 * statement per batch (in customer and month order, so that concurrent writers lock rows in one
 * order). Customers are identified in one read per batch by card number, id, e-mail or phone.
 */
@ApplicationScoped
public class SqlImportedHistory implements ImportedHistory {

    private static final int ROWS_PER_STATEMENT = 2_000;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s().-]");

    @Resource(lookup = "java:app/jdbc/loyalty")
    private DataSource dataSource;

    protected SqlImportedHistory() {}

    /** For tests outside the container. */
    public SqlImportedHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<String, CustomerId> customers(Collection<String> keys) {
        Map<String, List<String>> byCard = new HashMap<>();
        Map<String, List<String>> byId = new HashMap<>();
        Map<String, List<String>> byEmail = new HashMap<>();
        Map<String, List<String>> byPhone = new HashMap<>();
        for (String key : keys) {
            String k = key.strip();
            if (k.contains("@")) {
                byEmail.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                        .add(key);
            } else if (UUID_TEXT.matcher(k).matches()) {
                byId.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                        .add(key);
            } else {
                String digits = PHONE_NOISE.matcher(k).replaceAll("");
                if (digits.matches("\\d{13}")) {
                    byCard.computeIfAbsent(digits, x -> new ArrayList<>()).add(key);
                }
                String phone = digits.startsWith("00") ? "+" + digits.substring(2) : digits;
                if (phone.matches("\\+\\d{6,15}")) {
                    byPhone.computeIfAbsent(phone, x -> new ArrayList<>()).add(key);
                }
            }
        }
        Map<String, CustomerId> found = new HashMap<>();
        lookUp("card_number", byCard, found);
        lookUp("id", byId, found);
        lookUp("email", byEmail, found);
        lookUp("phone", byPhone, found);
        return found;
    }

    private void lookUp(String column, Map<String, List<String>> wanted, Map<String, CustomerId> found) {
        List<String> values = new ArrayList<>(wanted.keySet());
        for (int from = 0; from < values.size(); from += ROWS_PER_STATEMENT) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + ROWS_PER_STATEMENT));
            String sql = "SELECT " + column + ", id FROM customer WHERE " + column + " IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            for (Object[] row : select(sql, new ArrayList<>(chunk), 2)) {
                String value = String.valueOf(row[0]).toLowerCase(Locale.ROOT);
                CustomerId id = CustomerId.parse(String.valueOf(row[1]));
                List<String> originals = wanted.get(value);
                if (originals != null) {
                    originals.forEach(original -> found.putIfAbsent(original, id));
                }
            }
        }
    }

    @Override
    public Set<String> existing(Collection<ImportedReceipt> receipts) {
        Map<String, List<String>> byStore = new TreeMap<>();
        for (ImportedReceipt receipt : receipts) {
            byStore.computeIfAbsent(receipt.storeId(), s -> new ArrayList<>()).add(receipt.receiptId());
        }
        StringBuilder sql = new StringBuilder("SELECT store_id, receipt_id FROM purchase WHERE ");
        List<Object> parameters = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, List<String>> store : byStore.entrySet()) {
            sql.append(first ? "" : " OR ")
                    .append("(store_id = ? AND receipt_id IN (")
                    .append(String.join(
                            ", ", Collections.nCopies(store.getValue().size(), "?")))
                    .append("))");
            parameters.add(store.getKey());
            parameters.addAll(store.getValue());
            first = false;
        }
        Set<String> existing = new HashSet<>();
        for (Object[] row : select(sql.toString(), parameters, 2)) {
            existing.add(ImportedReceipt.key((String) row[0], (String) row[1]));
        }
        return existing;
    }

    @Override
    public void append(List<Resolved> receipts, String currency, Instant recordedAt) {
        List<Object[]> purchases = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> bought = new ArrayList<>();
        Map<String, long[]> qualifying = new TreeMap<>();
        Object recorded = UtcTimes.utc(recordedAt);
        for (Resolved resolved : receipts) {
            ImportedReceipt receipt = resolved.receipt();
            String id = resolved.id().toString();
            String customer =
                    resolved.customer() == null ? null : resolved.customer().toString();
            long net = receipt.netCents();
            purchases.add(new Object[] {
                id,
                receipt.storeId(),
                receipt.receiptId(),
                receipt.channel(),
                customer,
                UtcTimes.utc(receipt.occurredAt()),
                recorded,
                currency,
                net,
                resolved.points()
            });
            int number = 0;
            Set<String> categories = new LinkedHashSet<>();
            Set<String> skus = new LinkedHashSet<>();
            for (ImportedLine line : receipt.lines()) {
                if (customer != null && line.quantity() > 0) {
                    categories.add(line.category());
                    skus.add(line.sku());
                }
                lines.add(new Object[] {
                    id,
                    number + 1,
                    line.sku(),
                    line.category(),
                    line.quantity(),
                    line.unitPriceCents(),
                    line.discountCents(),
                    resolved.millionthsOfLine(number)
                });
                number++;
            }
            Object occurred = UtcTimes.utc(receipt.occurredAt());
            categories.forEach(category -> bought.add(new Object[] {id, "C", category, occurred, customer}));
            skus.forEach(sku -> bought.add(new Object[] {id, "S", sku, occurred, customer}));
            if (customer != null) {
                LocalDate month = LocalDate.ofInstant(receipt.occurredAt(), ZoneOffset.UTC)
                        .withDayOfMonth(1);
                long[] sums = qualifying.computeIfAbsent(customer + ' ' + month, k -> new long[2]);
                sums[0] += net;
                sums[1] += resolved.points();
            }
        }
        insert(
                "INSERT INTO purchase (id, store_id, receipt_id, channel, customer_id, occurred_at, recorded_at,"
                        + " currency, total_paid, points_awarded, points_reversed, amount_reversed, reversals, version,"
                        + " source) VALUES ",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 1, 'IMPORT')",
                purchases,
                "");
        insert(
                "INSERT INTO purchase_line (purchase_id, line_number, sku, category, quantity, unit_price, discount,"
                        + " earned_millionths, reversed_quantity) VALUES ",
                "(?, ?, ?, ?, ?, ?, ?, ?, 0)",
                lines,
                "");
        insert(
                "INSERT INTO purchase_bought (purchase_id, kind, item, occurred_at, customer_id) VALUES ",
                "(?, ?, ?, ?, ?)",
                bought,
                " ON DUPLICATE KEY UPDATE purchase_id = purchase_bought.purchase_id");
        List<Object[]> months = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : new LinkedHashMap<>(qualifying).entrySet()) {
            String[] parts = entry.getKey().split(" ");
            months.add(new Object[] {parts[0], LocalDate.parse(parts[1]), entry.getValue()[0], entry.getValue()[1]});
        }
        insert(
                "INSERT INTO tier_qualifying (customer_id, month, net_spend, points_earned) VALUES ",
                "(?, ?, ?, ?)",
                months,
                " ON DUPLICATE KEY UPDATE net_spend = net_spend + VALUES(net_spend),"
                        + " points_earned = points_earned + VALUES(points_earned)");
    }

    @Override
    public void grew(ImportId importId, Collection<CustomerId> customers) {
        List<Object[]> rows = new ArrayList<>();
        customers.stream()
                .map(CustomerId::toString)
                .sorted()
                .forEach(customer -> rows.add(new Object[] {importId.toString(), customer}));
        insert("INSERT IGNORE INTO import_customer (import_id, customer_id) VALUES ", "(?, ?)", rows, "");
    }

    @Override
    public List<CustomerId> grown(ImportId importId, int limit) {
        List<CustomerId> customers = new ArrayList<>();
        for (Object[] row : select(
                "SELECT customer_id FROM import_customer WHERE import_id = ? ORDER BY customer_id LIMIT ?",
                List.of(importId.toString(), limit),
                1)) {
            customers.add(CustomerId.parse(String.valueOf(row[0])));
        }
        return customers;
    }

    @Override
    public void forget(ImportId importId, Collection<CustomerId> customers) {
        List<String> ids = customers.stream().map(CustomerId::toString).sorted().toList();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT));
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM import_customer WHERE import_id = ? AND customer_id IN ("
                                + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                    delete.setString(1, importId.toString());
                    for (int i = 0; i < chunk.size(); i++) {
                        delete.setString(i + 2, chunk.get(i));
                    }
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the import's customers could not be forgotten", e);
        }
    }

    private void insert(String head, String placeholders, List<Object[]> rows, String tail) {
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                try (PreparedStatement insert = connection.prepareStatement(
                        head + String.join(", ", Collections.nCopies(chunk.size(), placeholders)) + tail)) {
                    int p = 0;
                    for (Object[] row : chunk) {
                        for (Object value : row) {
                            bind(insert, ++p, value);
                        }
                    }
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("imported receipts could not be written", e);
        }
    }

    /** Binds by the value's type (the driver's {@code setObject} tries its codecs one by one: a third of the batch's CPU). */
    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setObject(index, value);
        }
    }

    private List<Object[]> select(String sql, List<Object> parameters, int columns) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("imported receipts could not be read", e);
        }
    }
}
