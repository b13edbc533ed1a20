package dev.loyalty.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's two conditions on what was bought, counted in this client on the same database:
 * as the service compiles them now (from {@code purchase_bought}, V14_1) and as it compiled them
 * before (the window from the receipts: {@code purchase} by {@code ix_purchase_occurred} then each
 * line; "not since" from {@code customer_category_metrics}) - the SQL copied from the two versions
 * of {@code SegmentSql}, parameters bound the same way. Run alternately, three times each (the
 * first cold for both); the counts must agree.
 */
final class BoughtBaseline {

    private static final String NOT_ERASED = "NOT (c.first_name = ? AND c.email IS NULL AND c.phone IS NULL)";
    private static final String CONSENT = "EXISTS (SELECT 1 FROM customer_consent k WHERE k.customer_id = c.id"
            + " AND k.purpose = ? AND k.granted AND NOT EXISTS (SELECT 1 FROM customer_consent k2"
            + " WHERE k2.customer_id = k.customer_id AND k2.purpose = k.purpose AND k2.position > k.position))";

    private BoughtBaseline() {}

    private record Form(String name, String sql, List<Object> parameters) {}

    static void compare(PrintStream out, Connection db) throws SQLException {
        Instant now = Instant.now();
        // "face cream due for replenishment": bought 30-60 days ago and not since, share >= 10 %, no e-mail consent
        List<Object> beforeCream = new ArrayList<>(List.of("(erased)", "face-cream", ago(now, 61), ago(now, 30)));
        beforeCream.addAll(List.of("face-cream", 100_000L, "MARKETING_EMAIL"));
        List<Object> nowCream = new ArrayList<>(List.of("(erased)", "C", "face-cream", ago(now, 61), ago(now, 30)));
        nowCream.addAll(List.of("face-cream", 100_000L, "MARKETING_EMAIL"));
        String share = "(COALESCE((SELECT s.share_ppm FROM customer_category_metrics s"
                + " WHERE s.customer_id = c.id AND s.category = ?), 0) >= ?)";
        run(
                out,
                db,
                "face cream, not since",
                new Form(
                        "before (customer_category_metrics, per customer)",
                        "SELECT COUNT(*) FROM customer c WHERE " + NOT_ERASED
                                + " AND (EXISTS (SELECT 1 FROM customer_category_metrics b WHERE b.customer_id = c.id"
                                + " AND b.category = ? AND b.last_purchase_at > ? AND b.last_purchase_at <= ?) AND "
                                + share + " AND (NOT " + CONSENT + "))",
                        beforeCream),
                new Form(
                        "now (purchase_bought)",
                        "SELECT COUNT(*) FROM customer c WHERE " + NOT_ERASED
                                + " AND (c.id IN (SELECT b.customer_id FROM purchase_bought b WHERE b.kind = ?"
                                + " AND b.item = ? AND b.occurred_at > ? GROUP BY b.customer_id"
                                + " HAVING MAX(b.occurred_at) <= ?) AND " + share + " AND (NOT " + CONSENT + "))",
                        nowCream));
        // "bought coffee in the last 30 days", enrolled by app or web, SMS consent
        String rest = " AND (c.enrolment_channel IS NOT NULL AND c.enrolment_channel IN (?, ?)) AND " + CONSENT + ")";
        run(
                out,
                db,
                "coffee in 30 days",
                new Form(
                        "before (purchase window, then its lines)",
                        "SELECT COUNT(*) FROM customer c WHERE " + NOT_ERASED
                                + " AND (c.id IN (SELECT p.customer_id FROM purchase p JOIN purchase_line l"
                                + " ON l.purchase_id = p.id WHERE p.customer_id IS NOT NULL AND p.occurred_at > ?"
                                + " AND p.occurred_at <= ? AND l.category = ? AND l.quantity > l.reversed_quantity)"
                                + rest,
                        List.of("(erased)", ago(now, 31), ago(now, 0), "coffee", "APP", "WEB", "MARKETING_SMS")),
                new Form(
                        "now (purchase_bought)",
                        "SELECT COUNT(*) FROM customer c WHERE " + NOT_ERASED
                                + " AND (c.id IN (SELECT b.customer_id FROM purchase_bought b WHERE b.kind = ?"
                                + " AND b.item = ? AND b.occurred_at > ? AND b.occurred_at <= ?)" + rest,
                        List.of("(erased)", "C", "coffee", ago(now, 31), ago(now, 0), "APP", "WEB", "MARKETING_SMS")));
    }

    private static void run(PrintStream out, Connection db, String name, Form before, Form now) throws SQLException {
        double[][] seconds = new double[2][3];
        long[] counts = new long[2];
        for (int i = 0; i < 3; i++) {
            int f = 0;
            for (Form form : List.of(before, now)) {
                long started = System.nanoTime();
                counts[f] = count(db, form);
                seconds[f][i] = (System.nanoTime() - started) / 1e9;
                f++;
            }
        }
        out.printf(
                "  counted in the client, \"%s\" (alternately; load average %s):%n"
                        + "    %s: %,d members; %.2f s cold, then %.2f s and %.2f s%n"
                        + "    %s: %,d members; %.2f s cold, then %.2f s and %.2f s%n",
                name,
                CpuClock.loadAverage(),
                before.name(),
                counts[0],
                seconds[0][0],
                seconds[0][1],
                seconds[0][2],
                now.name(),
                counts[1],
                seconds[1][0],
                seconds[1][1],
                seconds[1][2]);
        if (counts[0] != counts[1]) {
            out.println("    THE COUNTS DIFFER");
        }
        for (Form form : List.of(before, now)) {
            out.println("    plan " + form.name() + ": " + plan(db, form));
        }
    }

    /** EXPLAIN's rows, one {@code select_type table type key rows} group each. */
    private static String plan(Connection db, Form form) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("EXPLAIN " + form.sql())) {
            for (int i = 0; i < form.parameters().size(); i++) {
                query.setObject(i + 1, form.parameters().get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString("select_type") + " " + rows.getString("table") + " "
                            + rows.getString("type") + " " + rows.getString("key") + " " + rows.getString("rows"));
                }
            }
        }
        return String.join("; ", steps);
    }

    private static long count(Connection db, Form form) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(form.sql())) {
            for (int i = 0; i < form.parameters().size(); i++) {
                query.setObject(i + 1, form.parameters().get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static LocalDateTime ago(Instant now, long days) {
        return LocalDateTime.ofInstant(now.minus(Duration.ofDays(days)), ZoneOffset.UTC);
    }
}
