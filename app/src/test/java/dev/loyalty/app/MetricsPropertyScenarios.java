package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property-style: random purchase histories (seeded) for a few dozen customers - imported
 * receipts up to two years back, live ones in the last weeks, several stores, categories and SKUs,
 * discounts, partial and whole reversals - with every metric computed here in plain Java and
 * compared with what the service reports, once after only the live updates (purchases, reversals,
 * the import's batches) and once after a rebuild; the rebuild's RFM cut points are computed here
 * from every purchase in the database with NTILE(5)'s rule. Segments on what was bought (a category
 * or SKU, ever, in a window, not since) are checked the same way, their members and each
 * customer's profile, after the live updates and after a rebuild that must repair rows removed and
 * added behind the service's back.
 */
abstract class MetricsPropertyScenarios {

    private static final int CUSTOMERS = 30;
    private static final int WINDOW_MONTHS = 12;

    static final class Line {
        final String sku;
        final String category;
        final int quantity;
        final long unitPrice;
        final long discount;
        int reversed;

        Line(String sku, String category, int quantity, long unitPrice, long discount) {
            this.sku = sku;
            this.category = category;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
            this.discount = discount;
        }

        long kept() {
            int kept = quantity - reversed;
            return kept * unitPrice - discount * kept / quantity;
        }
    }

    static final class Receipt {
        final String store;
        final String receiptId;
        final Instant at;
        final boolean live;
        final List<Line> lines = new ArrayList<>();
        String purchaseId;
        long amountReversed;

        Receipt(String store, String receiptId, Instant at, boolean live) {
            this.store = store;
            this.receiptId = receiptId;
            this.at = at;
            this.live = live;
        }

        long totalPaid() {
            return lines.stream()
                    .mapToLong(l -> l.quantity * l.unitPrice - l.discount)
                    .sum();
        }

        long net() {
            return totalPaid() - amountReversed;
        }
    }

    @Test
    void everyMetricMatchesAnIndependentComputationAfterLiveUpdatesAndAfterARebuild() throws Exception {
        Random random = new Random(20_261_204L);
        String run = unique();
        List<String> stores = List.of("PA-" + run, "PB-" + run, "PC-" + run);
        List<String> categories = List.of("c1-" + run, "c2-" + run, "c3-" + run, "c4-" + run);
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            skus.add("S" + i + "-" + run);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant edge = LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                .minusMonths(WINDOW_MONTHS)
                .toInstant(ZoneOffset.UTC);

        Map<String, List<Receipt>> histories = new TreeMap<>();
        StringBuilder csv = new StringBuilder(HistoryScenarios.HEADER + ",discount_cents\n");
        int number = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            String customer = MetricsScenarios.newCustomer();
            List<Receipt> receipts = new ArrayList<>();
            int count = random.nextInt(9);
            for (int r = 0; r < count; r++) {
                int days = random.nextInt(700);
                Instant at = now.minus(Duration.ofDays(days)).minusSeconds(3_600 + random.nextInt(80_000));
                if (Duration.between(edge, at).abs().compareTo(Duration.ofDays(3)) < 0) {
                    at = at.plus(Duration.ofDays(7));
                }
                boolean live = at.isAfter(now.minus(Duration.ofDays(25)));
                Receipt receipt = new Receipt(stores.get(random.nextInt(stores.size())), "P" + number++, at, live);
                int lines = 1 + random.nextInt(3);
                for (int l = 0; l < lines; l++) {
                    int sku = random.nextInt(skus.size());
                    int quantity = 1 + random.nextInt(3);
                    long price = 100 + random.nextInt(1_900);
                    long discount = !live && random.nextInt(3) == 0 ? random.nextInt((int) (quantity * price / 4)) : 0;
                    receipt.lines.add(new Line(
                            skus.get(sku), categories.get(sku % categories.size()), quantity, price, discount));
                }
                if (!live) {
                    for (Line line : receipt.lines) {
                        csv.append(String.join(
                                        ",",
                                        receipt.store,
                                        receipt.receiptId,
                                        receipt.at.toString(),
                                        customer,
                                        line.sku,
                                        line.category,
                                        String.valueOf(line.quantity),
                                        String.valueOf(line.unitPrice),
                                        String.valueOf(line.discount)))
                                .append('\n');
                    }
                }
                receipts.add(receipt);
            }
            histories.put(customer, receipts);
        }

        // the history first (one import), then the live purchases, then reversals of either kind
        JsonObject job = HistoryScenarios.imported("text/csv", csv.toString(), "");
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.getJsonNumber("rejected").longValue()).as(job.toString()).isZero();
        for (Map.Entry<String, List<Receipt>> history : histories.entrySet()) {
            for (Receipt receipt : history.getValue()) {
                if (receipt.live) {
                    String lines = String.join(
                            ",",
                            receipt.lines.stream()
                                    .map(l -> MetricsScenarios.line(l.sku, l.category, l.quantity, l.unitPrice))
                                    .toList());
                    receipt.purchaseId = MetricsScenarios.recorded(
                            receipt.store,
                            MetricsScenarios.purchaseAt(
                                    receipt.store,
                                    receipt.receiptId,
                                    history.getKey(),
                                    receipt.at,
                                    lines,
                                    receipt.totalPaid()));
                } else {
                    receipt.purchaseId = HistoryScenarios.text("SELECT id FROM purchase WHERE store_id = '"
                            + receipt.store + "' AND receipt_id = '" + receipt.receiptId + "'");
                }
            }
        }
        for (List<Receipt> receipts : histories.values()) {
            for (Receipt receipt : receipts) {
                if (random.nextInt(5) != 0) {
                    continue;
                }
                String body;
                if (random.nextBoolean()) {
                    body = "{\"reason\": \"void\"}";
                    receipt.lines.forEach(l -> l.reversed = l.quantity);
                } else {
                    int index = random.nextInt(receipt.lines.size());
                    Line line = receipt.lines.get(index);
                    int units = 1 + random.nextInt(line.quantity);
                    body = "{\"lines\": [{\"lineNumber\": " + (index + 1) + ", \"quantity\": " + units
                            + "}], \"reason\": \"refund\"}";
                    line.reversed += units;
                }
                Api.Reply reversed =
                        API.post("/api/v1/purchases/" + receipt.purchaseId + "/reversal", Api.admin(), body);
                assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
                receipt.amountReversed +=
                        reversed.json().getJsonNumber("amount").longValue();
            }
        }

        // segments on what was bought, in each form, over these histories (their items are this run's)
        List<Bought> bought = List.of(
                new Bought(categories.get(0), true, -1, -1, false),
                new Bought(skus.get(2), false, -1, -1, false),
                new Bought(categories.get(1), true, 0, 30, false),
                new Bought(skus.get(3), false, 30, 365, false),
                new Bought(categories.get(2), true, 10, 300, true),
                new Bought(skus.get(1), false, 0, 200, true),
                new Bought(categories.get(3), true, 20, 700, false));
        Map<String, Bought> segments = new TreeMap<>();
        for (Bought b : bought) {
            segments.put(SegmentScenarios.defined("bought " + run + " " + segments.size(), b.json()), b);
        }

        // live updates only: each customer as of their last update, RFM by the cut points in force
        List<Long>[] inForce = cutsInDatabase();
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        Map<String, JsonObject> profiles = new TreeMap<>();
        for (Map.Entry<String, List<Receipt>> history : histories.entrySet()) {
            JsonObject profile = MetricsScenarios.profile(history.getKey());
            profiles.put(history.getKey(), profile);
            JsonObject metrics = profile.getJsonObject("metrics");
            Instant computedAt =
                    metrics.containsKey("computedAt") ? Instant.parse(metrics.getString("computedAt")) : now;
            expected.put(history.getKey(), expected(history.getValue(), computedAt, inForce));
            actual.put(history.getKey(), actual(profile));
        }
        assertThat(actual).as("after live updates").isEqualTo(expected);
        assertBought("after live updates", histories, segments, profiles, now);

        // the rebuild reconciles purchase_bought with the lines: rows lost and a stale row repaired
        try (Connection connection = DriverManager.getConnection(
                        System.getProperty("loyalty.it.db.url"),
                        System.getProperty("loyalty.it.db.user"),
                        System.getProperty("loyalty.it.db.password"));
                Statement statement = connection.createStatement()) {
            String ours = "SELECT id FROM purchase WHERE store_id IN ('" + String.join("', '", stores) + "')";
            int lost = statement.executeUpdate("DELETE FROM purchase_bought WHERE kind = 'C' AND purchase_id IN ("
                    + ours + ") AND MOD(CRC32(purchase_id), 3) = 0");
            assertThat(lost).as("rows deleted to be rebuilt").isPositive();
            statement.executeUpdate("INSERT INTO purchase_bought (purchase_id, kind, item, occurred_at, customer_id)"
                    + " SELECT p.id, 'S', '" + skus.get(1) + "', p.occurred_at, p.customer_id FROM purchase p"
                    + " WHERE p.id IN (" + ours + ") AND p.customer_id IS NOT NULL"
                    + " ON DUPLICATE KEY UPDATE purchase_id = purchase_bought.purchase_id");
        }

        // after a rebuild: as of its instant, RFM by cut points computed here over every purchase
        JsonObject rebuilt = MetricsScenarios.rebuild();
        Instant rebuiltAt = Instant.parse(rebuilt.getString("rebuiltAt"));
        Population population = population(rebuiltAt);
        assertThat(rebuilt.getJsonNumber("activeCustomers").longValue()).isEqualTo(population.active);
        List<Long>[] stored = cutsInDatabase();
        assertThat(stored).as("cut points").isEqualTo(population.cuts);
        expected.clear();
        actual.clear();
        for (Map.Entry<String, List<Receipt>> history : histories.entrySet()) {
            JsonObject profile = MetricsScenarios.profile(history.getKey());
            profiles.put(history.getKey(), profile);
            expected.put(history.getKey(), expected(history.getValue(), rebuiltAt, population.cuts));
            actual.put(history.getKey(), actual(profile));
        }
        assertThat(actual).as("after a rebuild").isEqualTo(expected);
        assertBought("after a rebuild", histories, segments, profiles, now);
    }

    /**
     * A {@code bought} condition: a category or SKU, ever ({@code from < 0}) or between {@code from}
     * and {@code to} days ago, and perhaps not since.
     */
    record Bought(String item, boolean category, int from, int to, boolean notSince) {

        String json() {
            String node = "\"" + (category ? "category" : "sku") + "\": \"" + item + "\"";
            if (from >= 0) {
                node += ", \"betweenDaysAgo\": [" + from + ", " + to + "]" + (notSince ? ", \"notSince\": true" : "");
            }
            return "{\"bought\": {" + node + "}}";
        }

        /** Computed here: the instants of the receipts that keep a unit of the item (reversals as the metrics count them). */
        boolean holds(List<Receipt> receipts, Instant now) {
            List<Instant> at = new ArrayList<>();
            for (Receipt r : receipts) {
                for (Line line : r.lines) {
                    if (line.reversed < line.quantity && item.equals(category ? line.category : line.sku)) {
                        at.add(r.at);
                    }
                }
            }
            if (from < 0) {
                return !at.isEmpty();
            }
            java.util.function.Predicate<Instant> inWindow = t -> {
                long days = Math.floorDiv(Duration.between(t, now).getSeconds(), 86_400);
                return days >= from && days <= to;
            };
            if (notSince) {
                return at.stream().max(Instant::compareTo).filter(inWindow).isPresent();
            }
            return at.stream().anyMatch(inWindow);
        }
    }

    /**
     * Every segment's members (the population query) and every customer's segments in the profile
     * (the one-customer query) are exactly those computed here.
     */
    static void assertBought(
            String when,
            Map<String, List<Receipt>> histories,
            Map<String, Bought> segments,
            Map<String, JsonObject> profiles,
            Instant now) {
        int nonEmpty = 0;
        for (Map.Entry<String, Bought> segment : segments.entrySet()) {
            List<String> expected = histories.entrySet().stream()
                    .filter(h -> segment.getValue().holds(h.getValue(), now))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            nonEmpty += expected.isEmpty() ? 0 : 1;
            assertThat(SegmentScenarios.allMembers(segment.getKey(), null, 7))
                    .as(when + ": members of " + segment.getValue().json())
                    .containsExactlyElementsOf(expected);
        }
        assertThat(nonEmpty).as("bought segments with members").isGreaterThan(segments.size() / 2);
        for (Map.Entry<String, List<Receipt>> history : histories.entrySet()) {
            List<String> expected = segments.entrySet().stream()
                    .filter(s -> s.getValue().holds(history.getValue(), now))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            List<String> actual = profiles.get(history.getKey()).getJsonArray("segments").stream()
                    .map(v -> v.asJsonObject().getString("id"))
                    .filter(segments::containsKey)
                    .sorted()
                    .toList();
            assertThat(actual)
                    .as(when + ": bought segments of " + history.getKey())
                    .isEqualTo(expected);
        }
    }

    /** Every metric of a history as of {@code now}, as one comparable line (blank: no metrics). */
    static String expected(List<Receipt> receipts, Instant now, List<Long>[] cuts) {
        if (receipts.isEmpty()) {
            return "none";
        }
        Instant start = LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                .minusMonths(WINDOW_MONTHS)
                .toInstant(ZoneOffset.UTC);
        long frequency = 0;
        long monetary = 0;
        long lifetime = 0;
        long visits = 0;
        Instant first = null;
        Instant last = null;
        Map<String, long[]> stores = new HashMap<>();
        for (Receipt r : receipts) {
            long net = r.net();
            lifetime += net;
            boolean inWindow = !r.at.isBefore(start);
            if (inWindow) {
                monetary += net;
            }
            if (net > 0) {
                visits++;
                frequency += inWindow ? 1 : 0;
                first = first == null || r.at.isBefore(first) ? r.at : first;
                last = last == null || r.at.isAfter(last) ? r.at : last;
                long[] store = stores.computeIfAbsent(r.store, s -> new long[2]);
                store[0]++;
                store[1] = Math.max(store[1], r.at.getEpochSecond());
            }
        }
        String home = stores.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparingLong(e -> -e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        Map<String, long[]> categories = new TreeMap<>();
        Map<String, Instant> skus = new TreeMap<>();
        for (Receipt r : receipts) {
            for (Line line : r.lines) {
                if (line.quantity <= line.reversed) {
                    continue;
                }
                long[] category = categories.computeIfAbsent(line.category, c -> new long[2]);
                category[0] += r.at.isBefore(start) ? 0 : line.kept();
                category[1] = Math.max(category[1], r.at.getEpochSecond());
                skus.merge(line.sku, r.at, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        long total = categories.values().stream().mapToLong(c -> c[0]).sum();
        StringBuilder text = new StringBuilder();
        text.append("frequency=")
                .append(frequency)
                .append(" monetary=")
                .append(monetary)
                .append(" averageBasket=")
                .append(frequency == 0 ? 0 : monetary / frequency)
                .append(" visitsPerMonth=")
                .append(frequency * 100 / WINDOW_MONTHS)
                .append(" lifetimeValue=")
                .append(lifetime)
                .append(" lifetimeVisits=")
                .append(visits)
                .append(" first=")
                .append(first)
                .append(" last=")
                .append(last)
                .append(" home=")
                .append(home);
        String rfm = "null";
        if (frequency > 0 && !cuts[0].isEmpty()) {
            long days = Duration.between(last, now).toDays();
            rfm = (5 - exceeded(cuts[0], days)) + "," + (1 + exceeded(cuts[1], frequency)) + ","
                    + (1 + exceeded(cuts[2], monetary));
        }
        text.append(" rfm=").append(rfm);
        for (Map.Entry<String, long[]> c : categories.entrySet()) {
            long share = total > 0 ? c.getValue()[0] * 1_000_000 / total : 0;
            text.append(" [")
                    .append(c.getKey())
                    .append(' ')
                    .append(c.getValue()[0])
                    .append(' ')
                    .append(share)
                    .append(' ')
                    .append(Instant.ofEpochSecond(c.getValue()[1]))
                    .append(']');
        }
        skus.forEach((sku, at) ->
                text.append(" {").append(sku).append(' ').append(at).append('}'));
        return text.toString();
    }

    /** The same line from what the service reports. */
    static String actual(JsonObject profile) {
        JsonObject m = profile.getJsonObject("metrics");
        if (!m.containsKey("computedAt")) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        text.append("frequency=")
                .append(m.getJsonNumber("frequency").longValue())
                .append(" monetary=")
                .append(m.getJsonNumber("monetary").longValue())
                .append(" averageBasket=")
                .append(m.getJsonNumber("averageBasket").longValue())
                .append(" visitsPerMonth=")
                .append(m.getJsonNumber("visitsPerMonth")
                        .bigDecimalValue()
                        .movePointRight(2)
                        .longValueExact())
                .append(" lifetimeValue=")
                .append(m.getJsonNumber("lifetimeValue").longValue())
                .append(" lifetimeVisits=")
                .append(m.getJsonNumber("lifetimeVisits").longValue())
                .append(" first=")
                .append(m.containsKey("firstPurchaseAt") ? m.getString("firstPurchaseAt") : null)
                .append(" last=")
                .append(m.containsKey("lastPurchaseAt") ? m.getString("lastPurchaseAt") : null)
                .append(" home=")
                .append(m.containsKey("homeStore") ? m.getString("homeStore") : null);
        String rfm = "null";
        if (m.containsKey("rfm")) {
            JsonObject scores = m.getJsonObject("rfm");
            rfm = scores.getInt("r") + "," + scores.getInt("f") + "," + scores.getInt("m");
        }
        text.append(" rfm=").append(rfm);
        Map<String, String> categories = new TreeMap<>();
        for (JsonValue value : profile.getJsonArray("categories")) {
            JsonObject c = value.asJsonObject();
            categories.put(
                    c.getString("category"),
                    c.getJsonNumber("spend").longValue() + " "
                            + c.getJsonNumber("share")
                                    .bigDecimalValue()
                                    .movePointRight(6)
                                    .longValueExact() + " "
                            + c.getString("lastPurchaseAt"));
        }
        categories.forEach(
                (c, v) -> text.append(" [").append(c).append(' ').append(v).append(']'));
        Map<String, String> skus = new TreeMap<>();
        for (JsonValue value : profile.getJsonArray("lastPurchases")) {
            skus.put(value.asJsonObject().getString("sku"), value.asJsonObject().getString("lastPurchaseAt"));
        }
        skus.forEach((sku, at) ->
                text.append(" {").append(sku).append(' ').append(at).append('}'));
        return text.toString();
    }

    static int exceeded(List<Long> cuts, long value) {
        return (int) cuts.stream().filter(c -> value > c).count();
    }

    @SuppressWarnings("unchecked")
    static List<Long>[] cutsInDatabase() {
        List<Long>[] cuts = new List[3];
        String[] columns = {"recency_cuts", "frequency_cuts", "monetary_cuts"};
        for (int i = 0; i < 3; i++) {
            String stored = Api.count("SELECT COUNT(*) FROM metrics_rebuild") == 0
                    ? ""
                    : HistoryScenarios.text("SELECT " + columns[i] + " FROM metrics_rebuild");
            cuts[i] = stored.isEmpty()
                    ? List.of()
                    : java.util.Arrays.stream(stored.split(","))
                            .map(Long::parseLong)
                            .toList();
        }
        return cuts;
    }

    record Population(long active, List<Long>[] cuts) {}

    /** The active customers as of {@code now} over every purchase in the database, and NTILE(5)'s cut points. */
    @SuppressWarnings("unchecked")
    static Population population(Instant now) throws SQLException {
        Instant start = LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                .minusMonths(WINDOW_MONTHS)
                .toInstant(ZoneOffset.UTC);
        Map<String, long[]> active = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(
                        System.getProperty("loyalty.it.db.url"),
                        System.getProperty("loyalty.it.db.user"),
                        System.getProperty("loyalty.it.db.password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT customer_id, occurred_at, total_paid, amount_reversed FROM purchase"
                                + " WHERE customer_id IS NOT NULL")) {
            while (rows.next()) {
                Instant at = rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                long net = rows.getLong(3) - rows.getLong(4);
                if (net <= 0 || at.isBefore(start)) {
                    continue;
                }
                long[] a = active.computeIfAbsent(rows.getString(1), c -> new long[] {Long.MIN_VALUE, 0, 0});
                a[0] = Math.max(a[0], at.getEpochSecond());
                a[1]++;
                a[2] += net;
            }
        }
        List<Long> days = new ArrayList<>();
        List<Long> frequency = new ArrayList<>();
        List<Long> monetary = new ArrayList<>();
        for (long[] a : active.values()) {
            days.add(Duration.between(Instant.ofEpochSecond(a[0]), now).toDays());
            frequency.add(a[1]);
            monetary.add(a[2]);
        }
        return new Population(active.size(), new List[] {ntileCuts(days), ntileCuts(frequency), ntileCuts(monetary)});
    }

    /**
     * NTILE(5) over the values in ascending order: the first {@code n % 5} tiles hold one row more;
     * a cut point is the last value of tiles 1 to 4; a tile left empty closes where the last did.
     */
    static List<Long> ntileCuts(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return List.of();
        }
        List<Long> cuts = new ArrayList<>();
        int end = 0;
        for (int tile = 1; tile <= 4; tile++) {
            int size = n / 5 + (tile <= n % 5 ? 1 : 0);
            end += size;
            cuts.add(sorted.get(Math.max(end, 1) - 1));
        }
        return cuts;
    }
}
