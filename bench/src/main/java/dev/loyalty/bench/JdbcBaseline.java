package dev.loyalty.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: what the database alone costs for a purchase. Each client is one JDBC session
 * (autocommit off, statements prepared once) that performs, in one transaction per simulated
 * purchase, the SQL writes the service does for {@code POST /purchases}: the idempotency record,
 * the customer and receipt checks, the coupon redemption (one purchase in five, locking the
 * template row like the service's redemption cap), the purchase and its lines, the wallet (locked
 * first, created only when missing, as the service does) and its ledger entry, the domain events,
 * and the idempotency response. Reads are the fewest that suffice (the last ledger sequence, read with
 * the wallet's lock, not the whole ledger). A deadlock, a lock wait timeout or a duplicate key rolls back and is counted;
 * the client goes on.
 */
final class JdbcBaseline {

    /** What a failure of the wallet's ledger sequence is counted as. */
    static final String STALE_SEQUENCE = "duplicate-key uk_wallet_entry_sequence";

    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '([^']+)'");

    private JdbcBaseline() {}

    /** One session per client, opened now so that the phase's clock does not include connecting. */
    static List<Client> clients(
            int count, BenchDatabase db, Fixture fixture, CouponPool coupons, String isolation, String runId)
            throws SQLException {
        List<Client> clients = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                clients.add(new Session(i, db.connect(), isolation, fixture, coupons, runId));
            }
        } catch (SQLException e) {
            clients.forEach(Client::close);
            throw e;
        }
        return clients;
    }

    /** The kind of an SQL failure, as counted in the report (a duplicate key names its key). */
    static String kind(SQLException e) {
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

    /** A wallet row read under its lock. */
    private record WalletRow(long balance, long version, LocalDateTime nextExpiry, long lastSequence) {}

    /** One JDBC session simulating purchases. */
    private static final class Session implements Client {
        private static final HexFormat HEX = HexFormat.of();

        private final int index;
        private final Connection connection;
        private final Fixture fixture;
        private final CouponPool coupons;
        private final String runId;
        private final SplittableRandom random;
        private final MessageDigest sha256;
        private long sequence;

        private final PreparedStatement insertIdempotency;
        private final PreparedStatement selectCustomer;
        private final PreparedStatement selectReceipt;
        private final PreparedStatement lockTemplate;
        private final PreparedStatement lockCoupon;
        private final PreparedStatement redeemCoupon;
        private final PreparedStatement countRedemption;
        private final PreparedStatement insertPurchase;
        private final PreparedStatement insertLine;
        private final PreparedStatement insertPurchaseCoupon;
        private final PreparedStatement createWallet;
        private final PreparedStatement lockWallet;
        private final PreparedStatement updateWallet;
        private final PreparedStatement insertEntry;
        private final PreparedStatement insertEvent;
        private final PreparedStatement completeIdempotency;

        Session(int index, Connection connection, String isolation, Fixture fixture, CouponPool coupons, String runId)
                throws SQLException {
            this.index = index;
            this.connection = connection;
            this.fixture = fixture;
            this.coupons = coupons;
            this.runId = runId;
            this.random = new SplittableRandom(2_000L + index);
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET SESSION TRANSACTION ISOLATION LEVEL " + isolation.replace('-', ' '));
            }
            connection.setAutoCommit(false);
            insertIdempotency = connection.prepareStatement(
                    "INSERT INTO idempotency_record (key_hash, fingerprint, status, body, location, created_at)"
                            + " VALUES (?, ?, 0, '', NULL, ?)");
            selectCustomer = connection.prepareStatement(
                    "SELECT id, card_number, first_name, last_name, email, phone, birth_date, preferred_channel,"
                            + " enrolment_channel, store_id, referral_code, enrolled_at, version"
                            + " FROM customer WHERE id = ?");
            selectReceipt = connection.prepareStatement("SELECT 1 FROM purchase WHERE store_id = ? AND receipt_id = ?");
            lockTemplate =
                    connection.prepareStatement("SELECT redemptions FROM coupon_template WHERE id = ? FOR UPDATE");
            lockCoupon = connection.prepareStatement(
                    "SELECT code, template_id, customer_id, status, valid_from, valid_until, redemption_reference,"
                            + " redeemed_by, issued_at, version FROM coupon WHERE code = ? FOR UPDATE");
            redeemCoupon = connection.prepareStatement(
                    "UPDATE coupon SET status = 'REDEEMED', redemption_reference = ?, redeemed_by = ?,"
                            + " version = version + 1 WHERE code = ? AND status = 'ISSUED'");
            countRedemption = connection.prepareStatement(
                    "UPDATE coupon_template SET redemptions = redemptions + 1 WHERE id = ?");
            insertPurchase = connection.prepareStatement(
                    "INSERT INTO purchase (id, store_id, receipt_id, channel, customer_id, occurred_at, recorded_at,"
                            + " currency, total_paid, points_awarded, points_reversed, amount_reversed, reversals,"
                            + " version) VALUES (?, ?, ?, 'STORE', ?, ?, ?, 'EUR', ?, ?, 0, 0, 0, 1)");
            insertLine = connection.prepareStatement(
                    "INSERT INTO purchase_line (purchase_id, line_number, sku, category, quantity, unit_price, discount,"
                            + " earned_millionths, reversed_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)");
            insertPurchaseCoupon = connection.prepareStatement(
                    "INSERT INTO purchase_coupon (purchase_id, code, position, discount) VALUES (?, ?, 0, ?)");
            createWallet = connection.prepareStatement(
                    "INSERT IGNORE INTO wallet (customer_id, balance, version, next_expiry_at) VALUES (?, 0, 1, NULL)");
            // the row's lock and the last ledger sequence in one statement, as the service's wallet head
            lockWallet = connection.prepareStatement("SELECT w.balance, w.version, w.next_expiry_at,"
                    + " (SELECT MAX(e.sequence) FROM wallet_entry e WHERE e.customer_id = w.customer_id)"
                    + " FROM wallet w WHERE w.customer_id = ? FOR UPDATE");
            updateWallet = connection.prepareStatement(
                    "UPDATE wallet SET balance = ?, version = version + 1, next_expiry_at = ?"
                            + " WHERE customer_id = ? AND version = ?");
            insertEntry = connection.prepareStatement(
                    "INSERT INTO wallet_entry (customer_id, sequence, type, points, debt, reason, reference,"
                            + " occurred_at, expires_at) VALUES (?, ?, 'EARN', ?, 0, ?, ?, ?, ?)");
            insertEvent = connection.prepareStatement(
                    "INSERT INTO domain_event (event_id, type, aggregate_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?)");
            completeIdempotency = connection.prepareStatement(
                    "UPDATE idempotency_record SET status = 201, body = ?, location = ? WHERE key_hash = ?");
        }

        @Override
        public boolean perform(Tally tally) throws SQLException {
            long n = sequence++;
            String code = n % 5 == 0 ? coupons.take() : null;
            Basket basket = Basket.random(random, code);
            String customer = fixture.customerIds()
                    .get(random.nextInt(fixture.customerIds().size()));
            String receipt = runId + "-j" + index + "-" + n;
            Instant occurred = Instant.now();
            String request = basket.purchaseJson(Tokens.STORE, receipt, occurred, customer);
            try {
                String failure = purchase(basket, customer, receipt, occurred, request);
                if (failure == null) {
                    connection.commit();
                    return true;
                }
                connection.rollback();
                tally.failure(failure, receipt);
                return false;
            } catch (SQLException e) {
                connection.rollback();
                tally.failure(kind(e), e.getMessage());
                return false;
            }
        }

        /** The purchase's writes; a business failure's name, or {@code null} when all went through. */
        private String purchase(Basket basket, String customer, String receipt, Instant occurred, String request)
                throws SQLException {
            LocalDateTime now = utc(occurred);
            String keyHash = sha256("terminal:" + Tokens.STORE + ":" + UUID.randomUUID());
            insertIdempotency.setString(1, keyHash);
            insertIdempotency.setString(2, sha256(request));
            insertIdempotency.setObject(3, now);
            insertIdempotency.executeUpdate();

            if (!exists(selectCustomer, customer)) {
                return "customer-missing";
            }
            selectReceipt.setString(1, Tokens.STORE);
            selectReceipt.setString(2, receipt);
            try (ResultSet rows = selectReceipt.executeQuery()) {
                if (rows.next()) {
                    return "receipt-already-recorded";
                }
            }
            String purchaseId = UUID.randomUUID().toString();
            if (basket.couponCode() != null && !redeem(basket.couponCode(), purchaseId, customer)) {
                return "coupon-not-redeemable";
            }

            long points = basket.points();
            insertPurchase.setString(1, purchaseId);
            insertPurchase.setString(2, Tokens.STORE);
            insertPurchase.setString(3, receipt);
            insertPurchase.setString(4, customer);
            insertPurchase.setObject(5, now);
            insertPurchase.setObject(6, now);
            insertPurchase.setLong(7, basket.totalPaid());
            insertPurchase.setLong(8, points);
            insertPurchase.executeUpdate();
            insertLines(basket, purchaseId);
            if (basket.couponCode() != null) {
                insertPurchaseCoupon.setString(1, purchaseId);
                insertPurchaseCoupon.setString(2, basket.couponCode());
                insertPurchaseCoupon.setLong(3, basket.discount());
                insertPurchaseCoupon.executeUpdate();
            }

            Long balance = earn(customer, purchaseId, points, now);
            if (balance == null) {
                return "wallet-version-conflict";
            }
            appendEvents(basket, purchaseId, customer, receipt, points, now);

            completeIdempotency.setString(
                    1,
                    "{\"purchaseId\":" + Json.quote(purchaseId) + ",\"pointsAwarded\":" + points
                            + ",\"couponsRedeemed\":"
                            + (basket.couponCode() == null ? "[]" : "[" + Json.quote(basket.couponCode()) + "]")
                            + ",\"walletBalance\":" + balance + "}");
            completeIdempotency.setString(2, "/api/v1/purchases/" + purchaseId);
            completeIdempotency.setString(3, keyHash);
            completeIdempotency.executeUpdate();
            return null;
        }

        private boolean redeem(String code, String purchaseId, String customer) throws SQLException {
            exists(lockTemplate, fixture.templateId());
            if (!exists(lockCoupon, code)) {
                return false;
            }
            redeemCoupon.setString(1, "purchase:" + purchaseId);
            redeemCoupon.setString(2, customer);
            redeemCoupon.setString(3, code);
            if (redeemCoupon.executeUpdate() != 1) {
                return false;
            }
            countRedemption.setString(1, fixture.templateId());
            countRedemption.executeUpdate();
            return true;
        }

        private void insertLines(Basket basket, String purchaseId) throws SQLException {
            long gross = basket.gross();
            long discountLeft = basket.discount();
            List<Basket.Line> lines = basket.lines();
            for (int i = 0; i < lines.size(); i++) {
                Basket.Line line = lines.get(i);
                long discount = i == lines.size() - 1 ? discountLeft : basket.discount() * line.amount() / gross;
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

        /** Credits the points; the new balance, or {@code null} if the wallet's version moved. */
        private Long earn(String customer, String purchaseId, long points, LocalDateTime now) throws SQLException {
            WalletRow wallet = lockWallet(customer);
            if (wallet == null) {
                // A first wallet, as the service does it: two writers may both get here; the
                // second waits on the first's row.
                createWallet.setString(1, customer);
                createWallet.executeUpdate();
                wallet = lockWallet(customer);
            }
            long balance = wallet.balance();
            long version = wallet.version();
            LocalDateTime nextExpiry = wallet.nextExpiry();
            long last = wallet.lastSequence();
            LocalDateTime expires = now.plus(365, ChronoUnit.DAYS);
            LocalDateTime next = nextExpiry == null || expires.isBefore(nextExpiry) ? expires : nextExpiry;
            updateWallet.setLong(1, balance + points);
            updateWallet.setObject(2, next);
            updateWallet.setString(3, customer);
            updateWallet.setLong(4, version);
            if (updateWallet.executeUpdate() != 1) {
                return null;
            }
            insertEntry.setString(1, customer);
            insertEntry.setLong(2, last + 1);
            insertEntry.setLong(3, points);
            insertEntry.setString(4, "Purchase");
            insertEntry.setString(5, "purchase:" + purchaseId);
            insertEntry.setObject(6, now);
            insertEntry.setObject(7, expires);
            insertEntry.executeUpdate();
            return balance + points;
        }

        private WalletRow lockWallet(String customer) throws SQLException {
            lockWallet.setString(1, customer);
            try (ResultSet rows = lockWallet.executeQuery()) {
                return rows.next()
                        ? new WalletRow(
                                rows.getLong(1),
                                rows.getLong(2),
                                rows.getObject(3, LocalDateTime.class),
                                rows.getLong(4))
                        : null;
            }
        }

        private void appendEvents(
                Basket basket, String purchaseId, String customer, String receipt, long points, LocalDateTime now)
                throws SQLException {
            StringBuilder lines = new StringBuilder("[");
            for (Basket.Line line : basket.lines()) {
                lines.append(lines.length() > 1 ? "," : "")
                        .append("{\"sku\":")
                        .append(Json.quote(line.sku()))
                        .append(",\"category\":")
                        .append(Json.quote(line.category()))
                        .append(",\"quantity\":")
                        .append(line.quantity())
                        .append(",\"net\":{\"amount\":")
                        .append(line.amount())
                        .append(",\"currency\":\"EUR\"}}");
            }
            lines.append(']');
            String at = Json.quote(now.toInstant(ZoneOffset.UTC).toString());
            event(
                    "PURCHASE_RECORDED",
                    purchaseId,
                    now,
                    "{\"purchaseId\":" + Json.quote(purchaseId)
                            + ",\"storeId\":\"" + Tokens.STORE + "\",\"receiptId\":" + Json.quote(receipt)
                            + ",\"customerId\":" + Json.quote(customer) + ",\"channel\":\"STORE\",\"lines\":" + lines
                            + ",\"net\":{\"amount\":" + basket.totalPaid()
                            + ",\"currency\":\"EUR\"},\"totalPaid\":{\"amount\":"
                            + basket.totalPaid() + ",\"currency\":\"EUR\"},\"couponCodes\":"
                            + (basket.couponCode() == null ? "[]" : "[" + Json.quote(basket.couponCode()) + "]")
                            + ",\"pointsAwarded\":" + points + ",\"occurredAt\":" + at + "}");
            event(
                    "POINTS_EARNED",
                    customer,
                    now,
                    "{\"customerId\":" + Json.quote(customer) + ",\"points\":" + points
                            + ",\"reason\":\"Purchase\",\"reference\":\"purchase:" + purchaseId + "\",\"occurredAt\":"
                            + at
                            + "}");
            if (basket.couponCode() != null) {
                event(
                        "COUPON_REDEEMED",
                        basket.couponCode(),
                        now,
                        "{\"code\":" + Json.quote(basket.couponCode())
                                + ",\"templateId\":" + Json.quote(fixture.templateId()) + ",\"customerId\":"
                                + Json.quote(customer) + ",\"reference\":\"purchase:" + purchaseId
                                + "\",\"occurredAt\":" + at
                                + "}");
            }
            insertEvent.executeBatch();
        }

        private void event(String type, String aggregateId, LocalDateTime now, String payload) throws SQLException {
            insertEvent.setString(1, UUID.randomUUID().toString());
            insertEvent.setString(2, type);
            insertEvent.setString(3, aggregateId);
            insertEvent.setObject(4, now);
            insertEvent.setString(5, payload);
            insertEvent.addBatch();
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

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // the server may be gone already; nothing is left to release
            }
        }
    }
}
