package dev.loyalty.bench.floor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The purchase's writes in plain JDBC, shared by the plain-JDBC baseline ({@code JdbcBaseline}: one
 * client JVM, one session per thread) and the stack's purchase floor ({@link FloorPurchaseResource}:
 * the same statements behind JAX-RS, CDI, JSON-B and the container's pool, in a WAR on plain Payara
 * Micro), so that the two run exactly the same SQL. One transaction per {@link #write}: the
 * idempotency record, the customer and receipt checks, the coupon redemption (locking the template
 * row like the service's redemption cap), the purchase and its lines, the wallet (locked first,
 * created only when missing, as the service does) and its ledger entry, the domain events, and the
 * idempotency response. Reads are the fewest that suffice (the last ledger sequence, read with the
 * wallet's lock, not the whole ledger). The caller owns the transaction: it commits when {@link
 * Outcome#failure()} is {@code null}, else rolls back. Statements are prepared on first use and kept
 * until {@link #close()}. JDK and JDBC only: it is compiled into the floor WAR.
 */
public final class PurchaseWrites implements AutoCloseable {

    /** What the benchmark's coupon takes off, in cents. */
    public static final long COUPON_VALUE = 500;

    /** What a failure of the wallet's ledger sequence is counted as. */
    public static final String STALE_SEQUENCE = "duplicate-key uk_wallet_entry_sequence";

    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '([^']+)'");
    private static final HexFormat HEX = HexFormat.of();

    private static final String INSERT_IDEMPOTENCY =
            "INSERT INTO idempotency_record (key_hash, fingerprint, status, body, location, created_at)"
                    + " VALUES (?, ?, 0, '', NULL, ?)";
    private static final String SELECT_CUSTOMER =
            "SELECT id, card_number, first_name, last_name, email, phone, birth_date, preferred_channel,"
                    + " enrolment_channel, store_id, referral_code, enrolled_at, version"
                    + " FROM customer WHERE id = ?";
    private static final String SELECT_RECEIPT = "SELECT 1 FROM purchase WHERE store_id = ? AND receipt_id = ?";
    private static final String LOCK_TEMPLATE = "SELECT redemptions FROM coupon_template WHERE id = ? FOR UPDATE";
    private static final String LOCK_COUPON =
            "SELECT code, template_id, customer_id, status, valid_from, valid_until, redemption_reference,"
                    + " redeemed_by, issued_at, version FROM coupon WHERE code = ? FOR UPDATE";
    private static final String REDEEM_COUPON =
            "UPDATE coupon SET status = 'REDEEMED', redemption_reference = ?, redeemed_by = ?,"
                    + " version = version + 1 WHERE code = ? AND status = 'ISSUED'";
    private static final String COUNT_REDEMPTION =
            "UPDATE coupon_template SET redemptions = redemptions + 1 WHERE id = ?";
    private static final String INSERT_PURCHASE =
            "INSERT INTO purchase (id, store_id, receipt_id, channel, customer_id, occurred_at, recorded_at,"
                    + " currency, total_paid, points_awarded, points_reversed, amount_reversed, reversals,"
                    + " version) VALUES (?, ?, ?, 'STORE', ?, ?, ?, 'EUR', ?, ?, 0, 0, 0, 1)";
    private static final String INSERT_LINE =
            "INSERT INTO purchase_line (purchase_id, line_number, sku, category, quantity, unit_price, discount,"
                    + " earned_millionths, reversed_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)";
    private static final String INSERT_PURCHASE_COUPON =
            "INSERT INTO purchase_coupon (purchase_id, code, position, discount) VALUES (?, ?, 0, ?)";
    private static final String CREATE_WALLET =
            "INSERT IGNORE INTO wallet (customer_id, balance, version, next_expiry_at) VALUES (?, 0, 1, NULL)";
    // the row's lock and the last ledger sequence in one statement, as the service's wallet head
    private static final String LOCK_WALLET = "SELECT w.balance, w.version, w.next_expiry_at,"
            + " (SELECT MAX(e.sequence) FROM wallet_entry e WHERE e.customer_id = w.customer_id)"
            + " FROM wallet w WHERE w.customer_id = ? FOR UPDATE";
    private static final String UPDATE_WALLET = "UPDATE wallet SET balance = ?, version = version + 1,"
            + " next_expiry_at = ? WHERE customer_id = ? AND version = ?";
    private static final String INSERT_ENTRY =
            "INSERT INTO wallet_entry (customer_id, sequence, type, points, debt, reason, reference,"
                    + " occurred_at, expires_at) VALUES (?, ?, 'EARN', ?, 0, ?, ?, ?, ?)";
    private static final String INSERT_EVENT =
            "INSERT INTO domain_event (event_id, type, aggregate_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?)";
    private static final String COMPLETE_IDEMPOTENCY =
            "UPDATE idempotency_record SET status = 201, body = ?, location = ? WHERE key_hash = ?";

    private final Connection connection;
    private final String templateId;
    private final MessageDigest sha256;
    private final List<PreparedStatement> prepared = new ArrayList<>();
    private final PreparedStatement[] statements = new PreparedStatement[16];

    /**
     * @param connection where the statements run (its transaction is the caller's)
     * @param templateId the coupon template whose row a redemption locks (the benchmark's only one)
     */
    public PurchaseWrites(Connection connection, String templateId) {
        this.connection = connection;
        this.templateId = templateId;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A basket line.
     *
     * @param sku the product
     * @param category its category
     * @param quantity units
     * @param unitPrice cents per unit
     */
    public record Line(String sku, String category, int quantity, long unitPrice) {

        /** Quantity times unit price, in cents. */
        public long amount() {
            return quantity * unitPrice;
        }
    }

    /**
     * A purchase to record: five lines or so and at most one 5 EUR coupon.
     *
     * @param storeId the store
     * @param receiptId its receipt
     * @param customerId the customer
     * @param occurredAt when it happened
     * @param lines the lines
     * @param couponCode the coupon presented, or {@code null}
     * @param request the request as received, its fingerprint kept with the idempotency record
     */
    public record Purchase(
            String storeId,
            String receiptId,
            String customerId,
            Instant occurredAt,
            List<Line> lines,
            String couponCode,
            String request) {

        /** Copies the lines. */
        public Purchase {
            lines = List.copyOf(lines);
        }

        /** The lines' amount before discounts, in cents. */
        public long gross() {
            return lines.stream().mapToLong(Line::amount).sum();
        }

        /** The coupon's discount, in cents. */
        public long discount() {
            return couponCode == null ? 0 : COUPON_VALUE;
        }

        /** What the customer pays, in cents. */
        public long totalPaid() {
            return gross() - discount();
        }

        /** The points earned: one per whole euro paid. */
        public long points() {
            return totalPaid() / 100;
        }
    }

    /**
     * What {@link #write} did.
     *
     * @param failure the business failure's name ({@code customer-missing}, {@code
     *     receipt-already-recorded}, {@code coupon-not-redeemable}, {@code wallet-version-conflict}),
     *     or {@code null} when every write went through
     * @param purchaseId the new purchase's id
     * @param points the points awarded
     * @param balance the wallet's new balance
     * @param body the response kept with the idempotency record
     */
    public record Outcome(String failure, String purchaseId, long points, long balance, String body) {}

    /** The kind of an SQL failure, as counted in the reports (a duplicate key names its key). */
    public static String kind(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1213 -> "deadlock";
            case 1205 -> "lock-wait-timeout";
            case 1062 -> {
                Matcher key = DUPLICATE_KEY.matcher(String.valueOf(e.getMessage()));
                yield key.find() ? "duplicate-key " + key.group(1) : "duplicate-key";
            }
            default -> "40001".equals(e.getSQLState()) ? "deadlock" : "sql-error-" + e.getErrorCode();
        };
    }

    /**
     * The purchase's writes in the caller's transaction, every time stamp but {@code occurred_at}
     * at {@code recordedAt}.
     */
    public Outcome write(Purchase purchase, Instant recordedAt) throws SQLException {
        LocalDateTime occurred = utc(purchase.occurredAt());
        LocalDateTime now = utc(recordedAt);
        String customer = purchase.customerId();
        String keyHash = sha256("terminal:" + purchase.storeId() + ":" + UUID.randomUUID());
        PreparedStatement insertIdempotency = statement(0, INSERT_IDEMPOTENCY);
        insertIdempotency.setString(1, keyHash);
        insertIdempotency.setString(2, sha256(purchase.request()));
        insertIdempotency.setObject(3, now);
        insertIdempotency.executeUpdate();

        String purchaseId = UUID.randomUUID().toString();
        if (!exists(statement(1, SELECT_CUSTOMER), customer)) {
            return failed("customer-missing", purchaseId);
        }
        PreparedStatement selectReceipt = statement(2, SELECT_RECEIPT);
        selectReceipt.setString(1, purchase.storeId());
        selectReceipt.setString(2, purchase.receiptId());
        try (ResultSet rows = selectReceipt.executeQuery()) {
            if (rows.next()) {
                return failed("receipt-already-recorded", purchaseId);
            }
        }
        String code = purchase.couponCode();
        if (code != null && !redeem(code, purchaseId, customer)) {
            return failed("coupon-not-redeemable", purchaseId);
        }

        long points = purchase.points();
        PreparedStatement insertPurchase = statement(3, INSERT_PURCHASE);
        insertPurchase.setString(1, purchaseId);
        insertPurchase.setString(2, purchase.storeId());
        insertPurchase.setString(3, purchase.receiptId());
        insertPurchase.setString(4, customer);
        insertPurchase.setObject(5, occurred);
        insertPurchase.setObject(6, now);
        insertPurchase.setLong(7, purchase.totalPaid());
        insertPurchase.setLong(8, points);
        insertPurchase.executeUpdate();
        insertLines(purchase, purchaseId);
        if (code != null) {
            PreparedStatement insertPurchaseCoupon = statement(4, INSERT_PURCHASE_COUPON);
            insertPurchaseCoupon.setString(1, purchaseId);
            insertPurchaseCoupon.setString(2, code);
            insertPurchaseCoupon.setLong(3, purchase.discount());
            insertPurchaseCoupon.executeUpdate();
        }

        Long balance = earn(customer, purchaseId, points, now);
        if (balance == null) {
            return failed("wallet-version-conflict", purchaseId);
        }
        appendEvents(purchase, purchaseId, points, now);

        String body = "{\"purchaseId\":" + quote(purchaseId) + ",\"pointsAwarded\":" + points
                + ",\"couponsRedeemed\":" + (code == null ? "[]" : "[" + quote(code) + "]")
                + ",\"walletBalance\":" + balance + "}";
        PreparedStatement completeIdempotency = statement(5, COMPLETE_IDEMPOTENCY);
        completeIdempotency.setString(1, body);
        completeIdempotency.setString(2, "/api/v1/purchases/" + purchaseId);
        completeIdempotency.setString(3, keyHash);
        completeIdempotency.executeUpdate();
        return new Outcome(null, purchaseId, points, balance, body);
    }

    private static Outcome failed(String failure, String purchaseId) {
        return new Outcome(failure, purchaseId, 0, 0, null);
    }

    private boolean redeem(String code, String purchaseId, String customer) throws SQLException {
        exists(statement(6, LOCK_TEMPLATE), templateId);
        if (!exists(statement(7, LOCK_COUPON), code)) {
            return false;
        }
        PreparedStatement redeemCoupon = statement(8, REDEEM_COUPON);
        redeemCoupon.setString(1, "purchase:" + purchaseId);
        redeemCoupon.setString(2, customer);
        redeemCoupon.setString(3, code);
        if (redeemCoupon.executeUpdate() != 1) {
            return false;
        }
        PreparedStatement countRedemption = statement(9, COUNT_REDEMPTION);
        countRedemption.setString(1, templateId);
        countRedemption.executeUpdate();
        return true;
    }

    private void insertLines(Purchase purchase, String purchaseId) throws SQLException {
        PreparedStatement insertLine = statement(10, INSERT_LINE);
        long gross = purchase.gross();
        long discountLeft = purchase.discount();
        List<Line> lines = purchase.lines();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            long discount = i == lines.size() - 1 ? discountLeft : purchase.discount() * line.amount() / gross;
            discountLeft -= discount;
            insertLine.setString(1, purchaseId);
            insertLine.setInt(2, i + 1);
            insertLine.setString(3, line.sku());
            insertLine.setString(4, line.category());
            insertLine.setInt(5, line.quantity());
            insertLine.setLong(6, line.unitPrice());
            insertLine.setLong(7, discount);
            // One point per euro: 10,000 millionths of a point per cent paid.
            insertLine.setLong(8, (line.amount() - discount) * 10_000);
            insertLine.addBatch();
        }
        insertLine.executeBatch();
    }

    /** A wallet row read under its lock. */
    private record WalletRow(long balance, long version, LocalDateTime nextExpiry, long lastSequence) {}

    /** Credits the points; the new balance, or {@code null} if the wallet's version moved. */
    private Long earn(String customer, String purchaseId, long points, LocalDateTime now) throws SQLException {
        WalletRow wallet = lockWallet(customer);
        if (wallet == null) {
            // A first wallet, as the service does it: two writers may both get here; the
            // second waits on the first's row.
            PreparedStatement createWallet = statement(11, CREATE_WALLET);
            createWallet.setString(1, customer);
            createWallet.executeUpdate();
            wallet = lockWallet(customer);
        }
        long balance = wallet.balance();
        LocalDateTime nextExpiry = wallet.nextExpiry();
        LocalDateTime expires = now.plus(365, ChronoUnit.DAYS);
        LocalDateTime next = nextExpiry == null || expires.isBefore(nextExpiry) ? expires : nextExpiry;
        PreparedStatement updateWallet = statement(12, UPDATE_WALLET);
        updateWallet.setLong(1, balance + points);
        updateWallet.setObject(2, next);
        updateWallet.setString(3, customer);
        updateWallet.setLong(4, wallet.version());
        if (updateWallet.executeUpdate() != 1) {
            return null;
        }
        PreparedStatement insertEntry = statement(13, INSERT_ENTRY);
        insertEntry.setString(1, customer);
        insertEntry.setLong(2, wallet.lastSequence() + 1);
        insertEntry.setLong(3, points);
        insertEntry.setString(4, "Purchase");
        insertEntry.setString(5, "purchase:" + purchaseId);
        insertEntry.setObject(6, now);
        insertEntry.setObject(7, expires);
        insertEntry.executeUpdate();
        return balance + points;
    }

    private WalletRow lockWallet(String customer) throws SQLException {
        PreparedStatement lockWallet = statement(14, LOCK_WALLET);
        lockWallet.setString(1, customer);
        try (ResultSet rows = lockWallet.executeQuery()) {
            return rows.next()
                    ? new WalletRow(
                            rows.getLong(1), rows.getLong(2), rows.getObject(3, LocalDateTime.class), rows.getLong(4))
                    : null;
        }
    }

    private void appendEvents(Purchase purchase, String purchaseId, long points, LocalDateTime now)
            throws SQLException {
        PreparedStatement insertEvent = statement(15, INSERT_EVENT);
        String customer = purchase.customerId();
        String code = purchase.couponCode();
        StringBuilder lines = new StringBuilder("[");
        for (Line line : purchase.lines()) {
            lines.append(lines.length() > 1 ? "," : "")
                    .append("{\"sku\":")
                    .append(quote(line.sku()))
                    .append(",\"category\":")
                    .append(quote(line.category()))
                    .append(",\"quantity\":")
                    .append(line.quantity())
                    .append(",\"net\":{\"amount\":")
                    .append(line.amount())
                    .append(",\"currency\":\"EUR\"}}");
        }
        lines.append(']');
        String at = quote(now.toInstant(ZoneOffset.UTC).toString());
        event(
                insertEvent,
                "PURCHASE_RECORDED",
                purchaseId,
                now,
                "{\"purchaseId\":" + quote(purchaseId)
                        + ",\"storeId\":" + quote(purchase.storeId()) + ",\"receiptId\":" + quote(purchase.receiptId())
                        + ",\"customerId\":" + quote(customer) + ",\"channel\":\"STORE\",\"lines\":" + lines
                        + ",\"net\":{\"amount\":" + purchase.totalPaid()
                        + ",\"currency\":\"EUR\"},\"totalPaid\":{\"amount\":"
                        + purchase.totalPaid() + ",\"currency\":\"EUR\"},\"couponCodes\":"
                        + (code == null ? "[]" : "[" + quote(code) + "]")
                        + ",\"pointsAwarded\":" + points + ",\"occurredAt\":" + at + "}");
        event(
                insertEvent,
                "POINTS_EARNED",
                customer,
                now,
                "{\"customerId\":" + quote(customer) + ",\"points\":" + points
                        + ",\"reason\":\"Purchase\",\"reference\":\"purchase:" + purchaseId + "\",\"occurredAt\":"
                        + at + "}");
        if (code != null) {
            event(
                    insertEvent,
                    "COUPON_REDEEMED",
                    code,
                    now,
                    "{\"code\":" + quote(code) + ",\"templateId\":" + quote(templateId) + ",\"customerId\":"
                            + quote(customer) + ",\"reference\":\"purchase:" + purchaseId + "\",\"occurredAt\":" + at
                            + "}");
        }
        insertEvent.executeBatch();
    }

    private static void event(
            PreparedStatement insertEvent, String type, String aggregateId, LocalDateTime now, String payload)
            throws SQLException {
        insertEvent.setString(1, UUID.randomUUID().toString());
        insertEvent.setString(2, type);
        insertEvent.setString(3, aggregateId);
        insertEvent.setObject(4, now);
        insertEvent.setString(5, payload);
        insertEvent.addBatch();
    }

    /** The statement of that slot, prepared on first use. */
    private PreparedStatement statement(int slot, String sql) throws SQLException {
        PreparedStatement statement = statements[slot];
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements[slot] = statement;
            prepared.add(statement);
        }
        return statement;
    }

    private static boolean exists(PreparedStatement query, String id) throws SQLException {
        query.setString(1, id);
        try (ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    private String sha256(String text) {
        return HEX.formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** The string as a JSON string literal, quotes included. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Closes the statements prepared (not the connection); never fails. */
    @Override
    public void close() {
        for (PreparedStatement statement : prepared) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection may be gone already; nothing is left to release
            }
        }
        prepared.clear();
    }
}
