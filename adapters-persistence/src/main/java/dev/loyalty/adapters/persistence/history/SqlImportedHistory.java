package dev.loyalty.adapters.persistence.history;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.schema.DatabaseMigrations;
import dev.loyalty.application.history.ImportId;
import dev.loyalty.application.history.ImportedHistory;
import dev.loyalty.application.history.ImportedLine;
import dev.loyalty.application.history.ImportedReceipt;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Imported receipts in {@code purchase} ({@code source = 'IMPORT'}) and {@code purchase_line}, with
 * the {@code purchase_bought} rows of those of identified customers (a row per category and SKU),
 * streamed with {@code LOAD DATA LOCAL INFILE} through plain JDBC on the service's data source (the
 * container shares the transaction's connection; EclipseLink binds a native query's positional
 * parameters in quadratic time, minutes for a statement of thousands), the customers' metrics
 * marked due (held by the import), and the customers' monthly qualifying activity upserted in one
 * statement per batch (in customer and month order, so that concurrent writers lock rows in one
 * order). Customers are identified in one read per batch by card number, id, e-mail or phone.
 */
@ApplicationScoped
public class SqlImportedHistory implements ImportedHistory {

    private static final int ROWS_PER_STATEMENT = 2_000;
    private static final Logger LOG = Logger.getLogger(SqlImportedHistory.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s().-]");

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    private DataSource dataSource;

    /** Whether the server or the driver refused {@code LOAD DATA LOCAL INFILE} (then INSERTs). */
    private volatile boolean localInfileRefused;

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
        boolean text = !localInfileRefused;
        Rows purchases = new Rows(text);
        Rows lines = new Rows(text);
        Rows bought = new Rows(text);
        Map<String, long[]> qualifying = new TreeMap<>();
        String recorded = time(recordedAt);
        Set<String> categories = new LinkedHashSet<>();
        Set<String> skus = new LinkedHashSet<>();
        for (Resolved resolved : receipts) {
            ImportedReceipt receipt = resolved.receipt();
            String id = resolved.id().toString();
            String customer =
                    resolved.customer() == null ? null : resolved.customer().toString();
            long net = receipt.netCents();
            String occurred = time(receipt.occurredAt());
            purchases
                    .add(id)
                    .add(receipt.storeId())
                    .add(receipt.receiptId())
                    .add(receipt.channel())
                    .add(customer)
                    .add(occurred)
                    .add(recorded)
                    .add(currency)
                    .add(net)
                    .add(resolved.points())
                    .end();
            int number = 0;
            categories.clear();
            skus.clear();
            for (ImportedLine line : receipt.lines()) {
                if (customer != null && line.quantity() > 0) {
                    categories.add(line.category());
                    skus.add(line.sku());
                }
                lines.add(id)
                        .add(number + 1)
                        .add(line.sku())
                        .add(line.category())
                        .add(line.quantity())
                        .add(line.unitPriceCents())
                        .add(line.discountCents())
                        .add(resolved.millionthsOfLine(number))
                        .end();
                number++;
            }
            for (String category : categories) {
                bought.add(id)
                        .add("C")
                        .add(category)
                        .add(occurred)
                        .add(customer)
                        .end();
            }
            for (String sku : skus) {
                bought.add(id).add("S").add(sku).add(occurred).add(customer).end();
            }
            if (customer != null) {
                LocalDate month = LocalDate.ofInstant(receipt.occurredAt(), ZoneOffset.UTC)
                        .withDayOfMonth(1);
                long[] sums = qualifying.computeIfAbsent(customer + ' ' + month, k -> new long[2]);
                sums[0] += net;
                sums[1] += resolved.points();
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            load(
                    connection,
                    "purchase",
                    List.of(
                            "id",
                            "store_id",
                            "receipt_id",
                            "channel",
                            "customer_id",
                            "occurred_at",
                            "recorded_at",
                            "currency",
                            "total_paid",
                            "points_awarded"),
                    Map.of(
                            "points_reversed",
                            "0",
                            "amount_reversed",
                            "0",
                            "reversals",
                            "0",
                            "version",
                            "1",
                            "source",
                            "'IMPORT'"),
                    purchases,
                    false);
            load(
                    connection,
                    "purchase_line",
                    List.of(
                            "purchase_id",
                            "line_number",
                            "sku",
                            "category",
                            "quantity",
                            "unit_price",
                            "discount",
                            "earned_millionths"),
                    Map.of("reversed_quantity", "0"),
                    lines,
                    false);
            load(
                    connection,
                    "purchase_bought",
                    List.of("purchase_id", "kind", "item", "occurred_at", "customer_id"),
                    Map.of(),
                    bought,
                    // two items of a receipt equal but for case or accents are one row (the collation's)
                    true);
        } catch (SQLException e) {
            throw new IllegalStateException("imported receipts could not be written", e);
        }
        List<Object[]> months = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : qualifying.entrySet()) {
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

    /**
     * Loads the rows with {@code LOAD DATA LOCAL INFILE} streamed from memory (MariaDB parses that
     * far more cheaply than multi-row {@code INSERT}s of bound parameters, and the service writes
     * text instead of binding each value). With {@code LOCAL} the server skips a row it cannot
     * store (a duplicate key, a value it had to change) with a warning instead of failing: any row
     * skipped or warned about fails the batch (its transaction rolls back; the worker tries it
     * again, and a receipt recorded meanwhile is then a duplicate). Where the server or the driver
     * refuses local files, that is said once in the log, the batch fails and is tried again, and
     * from then on the rows go in as multi-row {@code INSERT}s.
     *
     * @param constants the other columns, with the SQL of their value
     * @param duplicatesSkipped whether a row equal to another by the table's key is skipped (not a failure)
     */
    private void load(
            Connection connection,
            String table,
            List<String> columns,
            Map<String, String> constants,
            Rows rows,
            boolean duplicatesSkipped)
            throws SQLException {
        if (rows.count == 0) {
            return;
        }
        if (!rows.isText()) {
            List<String> all = new ArrayList<>(columns);
            all.addAll(constants.keySet());
            List<String> placeholders = new ArrayList<>(Collections.nCopies(columns.size(), "?"));
            placeholders.addAll(constants.values());
            insert(
                    connection,
                    "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES ",
                    "(" + String.join(", ", placeholders) + ")",
                    rows.values,
                    duplicatesSkipped
                            ? " ON DUPLICATE KEY UPDATE " + columns.get(0) + " = VALUES(" + columns.get(0) + ")"
                            : "");
            return;
        }
        StringBuilder sql = new StringBuilder("LOAD DATA LOCAL INFILE 'import-batch' INTO TABLE ")
                .append(table)
                .append(" CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'")
                .append(" LINES TERMINATED BY '\\n' (")
                .append(String.join(", ", columns))
                .append(')');
        String separator = " SET ";
        for (Map.Entry<String, String> constant : constants.entrySet()) {
            sql.append(separator).append(constant.getKey()).append(" = ").append(constant.getValue());
            separator = ", ";
        }
        try (Statement statement = connection.createStatement()) {
            org.mariadb.jdbc.Statement driver = statement.unwrap(org.mariadb.jdbc.Statement.class);
            driver.setLocalInfileInputStream(rows.stream());
            long loaded = driver.executeLargeUpdate(sql.toString());
            long warnings = 0;
            try (ResultSet count = statement.executeQuery("SELECT @@warning_count")) {
                if (count.next()) {
                    warnings = count.getLong(1);
                }
            }
            if (!duplicatesSkipped && (loaded != rows.count || warnings != 0)) {
                throw new IllegalStateException(table + ": " + loaded + " of " + rows.count + " rows loaded with "
                        + warnings + " warnings (a receipt recorded meanwhile?)");
            }
        } catch (SQLException e) {
            if (!isRefusal(e)) {
                throw e;
            }
            localInfileRefused = true;
            LOG.warning(() -> "Imports: LOAD DATA LOCAL INFILE is refused (" + e.getMessage()
                    + "); the batch is tried again, and imported rows go in as multi-row INSERTs from now on");
            throw new IllegalStateException("local files refused, the batch is tried again with INSERTs", e);
        }
    }

    private static boolean isRefusal(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        // ER_NOT_ALLOWED_COMMAND (1148), or the driver's own refusal of local files
        return e.getErrorCode() == 1148 || message.contains("local") && message.contains("infile");
    }

    private static String time(Instant instant) {
        return TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * One table's rows of a batch: tab-separated UTF-8 for {@code LOAD DATA} (a tab, newline,
     * carriage return, NUL or backslash in a value escaped; {@code \\N} for NULL), written straight
     * into a byte buffer (the driver streams it as it is: no {@code StringBuilder} of UTF-16 text
     * copied to a {@code String} and encoded again, which was the import's hottest frame), or their
     * values for multi-row {@code INSERT}s.
     */
    private static final class Rows {
        private byte[] text;
        private int size;
        private final List<Object[]> values = new ArrayList<>();
        private final List<Object> row = new ArrayList<>();
        private boolean first = true;
        private long count;

        Rows(boolean text) {
            this.text = text ? new byte[1 << 16] : null;
        }

        boolean isText() {
            return text != null;
        }

        Rows add(String value) {
            if (text == null) {
                row.add(value);
                return this;
            }
            separate();
            if (value == null) {
                room(2);
                text[size++] = '\\';
                text[size++] = 'N';
                return this;
            }
            int length = value.length();
            room(length);
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80 || c == '\\' || c < 0x20) {
                    // the rare value with an escape or a non-ASCII character: the slow path from here
                    size -= i;
                    addEscaped(value);
                    return this;
                }
                text[size++] = (byte) c;
            }
            return this;
        }

        private void addEscaped(String value) {
            StringBuilder escaped = new StringBuilder(value.length() + 8);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> escaped.append("\\\\");
                    case '\t' -> escaped.append("\\t");
                    case '\n' -> escaped.append("\\n");
                    case '\r' -> escaped.append("\\r");
                    case '\0' -> escaped.append("\\0");
                    default -> escaped.append(c);
                }
            }
            byte[] bytes = escaped.toString().getBytes(StandardCharsets.UTF_8);
            room(bytes.length);
            System.arraycopy(bytes, 0, text, size, bytes.length);
            size += bytes.length;
        }

        Rows add(long value) {
            if (text == null) {
                row.add(value);
                return this;
            }
            separate();
            if (value >= 0 && value < 10) {
                room(1);
                text[size++] = (byte) ('0' + value);
                return this;
            }
            String digits = Long.toString(value);
            room(digits.length());
            for (int i = 0; i < digits.length(); i++) {
                text[size++] = (byte) digits.charAt(i);
            }
            return this;
        }

        void end() {
            if (text == null) {
                values.add(row.toArray());
                row.clear();
            } else {
                room(1);
                text[size++] = '\n';
                first = true;
            }
            count++;
        }

        InputStream stream() {
            return new ByteArrayInputStream(text, 0, size);
        }

        private void separate() {
            if (!first) {
                room(1);
                text[size++] = '\t';
            }
            first = false;
        }

        private void room(int more) {
            if (size + more > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, size + more));
            }
        }
    }

    @Override
    public void markDue(ImportId importId, Collection<CustomerId> customers, Instant now) {
        String held = importId.toString();
        LocalDateTime at = UtcTimes.utc(now);
        List<Object[]> rows = new ArrayList<>();
        customers.stream()
                .map(CustomerId::toString)
                .sorted()
                .forEach(customer -> rows.add(new Object[] {customer, at, held}));
        // a claim without an end: the worker takes a lapsed claim, never one with no end
        insert(
                "INSERT INTO customer_metrics_due (customer_id, marked_at, claimed_by, claimed_until) VALUES ",
                "(?, ?, ?, NULL)",
                rows,
                " ON DUPLICATE KEY UPDATE marked_at = VALUES(marked_at), claimed_by = VALUES(claimed_by),"
                        + " claimed_until = NULL");
    }

    @Override
    public void releaseDue(ImportId importId, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release =
                        connection.prepareStatement("UPDATE customer_metrics_due SET marked_at = ?, claimed_by = NULL"
                                + " WHERE claimed_by = ? AND claimed_until IS NULL")) {
            release.setObject(1, UtcTimes.utc(now));
            release.setString(2, importId.toString());
            release.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the import's customers could not be handed to the metrics", e);
        }
    }

    private void insert(String head, String placeholders, List<Object[]> rows, String tail) {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, head, placeholders, rows, tail);
        } catch (SQLException e) {
            throw new IllegalStateException("imported receipts could not be written", e);
        }
    }

    private static void insert(
            Connection connection, String head, String placeholders, List<Object[]> rows, String tail)
            throws SQLException {
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
