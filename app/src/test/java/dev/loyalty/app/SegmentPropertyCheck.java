package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The property behind segments: random customers (metrics, category and SKU rows, purchases with
 * lines partly given back and their {@code purchase_bought} rows, attributes, consent histories,
 * tiers, answers, a few erased) are written in SQL, random condition trees are drawn from a seeded {@link Random}, and each tree's
 * membership computed here in plain Java must be exactly what the service's preview (count and
 * sample) and members (every page) say. Instants are whole days plus 12 hours before now, so that
 * the seconds between this test's clock and the service's never cross a day.
 */
final class SegmentPropertyCheck {

    private static final Duration DAY = Duration.ofDays(1);
    private static final String[] PURPOSES = {"MARKETING_EMAIL", "MARKETING_SMS", "MARKETING_PUSH", "PROFILING"};
    private static final String[] BANDS = {"0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"};

    private final Random random;
    private final int customers;
    private final int conditions;
    private final String run = "P" + Fixtures.unique();
    private final Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private final List<String> cities = List.of(run + "-a", run + "-b", run + "-c");
    private final List<String> categories = List.of(run + "-c1", run + "-c2", run + "-c3");
    private final List<String> skus = List.of(run + "-s1", run + "-s2", run + "-s3");
    private final String question = run.toLowerCase(java.util.Locale.ROOT) + "-pets";
    private final List<Cust> all = new ArrayList<>();
    private final Map<String, Node> saved = new HashMap<>();
    private String firstTier;

    SegmentPropertyCheck(long seed, int customers, int conditions) {
        this.random = new Random(seed);
        this.customers = customers;
        this.conditions = conditions;
    }

    /** One customer as written. */
    static final class Cust {
        String id;
        boolean erased;
        String city;
        String province;
        String gender;
        LocalDate birth;
        String channel;
        boolean hasMetrics;
        Instant last;
        long frequency;
        long monetary;
        long basket;
        long visits;
        long lifetime;
        long engagement;
        Integer r;
        Integer f;
        Integer m;
        String homeStore;
        final Map<String, long[]> categoryRows = new HashMap<>(); // share_ppm, last (epoch s)
        final Map<String, Instant> skuRows = new HashMap<>();
        final List<Object[]> lines = new ArrayList<>(); // occurred_at, category, sku, live (quantity > reversed)
        final Map<String, Boolean> consents = new HashMap<>();
        String tier;
        String answer;
    }

    /** A condition drawn at random, as JSON and as a predicate. */
    record Node(String json, Predicate<Cust> holds) {}

    void run() throws Exception {
        try (Connection db = SegmentScenarios.db()) {
            try (Statement sql = db.createStatement();
                    ResultSet first = sql.executeQuery("SELECT name FROM tier_level WHERE position = 0")) {
                firstTier = first.next() ? first.getString(1) : null;
            }
            try (PreparedStatement q = db.prepareStatement("INSERT INTO question (id, text, allowed_values, active,"
                    + " version, created_at) VALUES (?, 'Pets?', '[\"dog\",\"cat\",\"fish\"]', TRUE, 1, ?)")) {
                q.setString(1, question);
                q.setTimestamp(2, SegmentScenarios.utc(now));
                q.executeUpdate();
            }
            for (int i = 0; i < customers; i++) {
                Cust c = draw();
                write(db, c);
                all.add(c);
            }
            // the purchases were written in SQL, past the service: their purchase_bought rows by
            // the statement the migration fills the table with (the service's own upkeep of them
            // is checked by MetricsPropertyScenarios, through purchases, reversals and imports)
            for (String[] kind : List.of(new String[] {"C", "l.category"}, new String[] {"S", "l.sku"})) {
                try (PreparedStatement b = db.prepareStatement("INSERT INTO purchase_bought (purchase_id, kind, item,"
                        + " occurred_at, customer_id) SELECT DISTINCT p.id, '" + kind[0] + "', " + kind[1] + ","
                        + " p.occurred_at, p.customer_id FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id"
                        + " WHERE p.store_id = ? AND p.customer_id IS NOT NULL AND l.quantity > l.reversed_quantity")) {
                    b.setString(1, run);
                    b.executeUpdate();
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            Node node = tree(3, false);
            String id = SegmentScenarios.defined(run + " saved " + i, node.json());
            saved.put(id, node);
        }
        String scope = "{\"attribute\": \"city\", \"in\": [\"" + String.join("\", \"", cities) + "\"]}";
        int nonEmpty = 0;
        for (int i = 0; i < conditions; i++) {
            Node node = tree(4, true);
            String json = "{\"all\": [" + scope + ", " + node.json() + "]}";
            List<String> expected = all.stream()
                    .filter(c -> !c.erased && node.holds().test(c))
                    .map(c -> c.id)
                    .sorted()
                    .toList();
            nonEmpty += expected.isEmpty() ? 0 : 1;
            Api.Reply preview = SegmentScenarios.preview(json);
            assertThat(preview.status()).as(json + " -> " + preview).isEqualTo(200);
            assertThat(preview.json().getJsonNumber("count").longValue())
                    .as("count of " + json)
                    .isEqualTo(expected.size());
            assertThat(SegmentScenarios.ids(
                            preview.json().getJsonArray("sample").getValuesAs(JsonObject.class)))
                    .as("sample of " + json)
                    .containsExactlyElementsOf(expected.subList(0, Math.min(20, expected.size())));
            if (i % 8 == 0) {
                String segment = SegmentScenarios.defined(run + " tree " + i, json);
                assertThat(SegmentScenarios.allMembers(segment, null, 7))
                        .as("members of " + json)
                        .containsExactlyElementsOf(expected);
            }
        }
        assertThat(nonEmpty)
                .as("trees that select someone (the check proves little otherwise)")
                .isGreaterThan(conditions / 4);
    }

    private Cust draw() {
        Cust c = new Cust();
        c.id = UUID.randomUUID().toString();
        c.erased = random.nextInt(12) == 0;
        c.city = pick(cities);
        c.province = random.nextInt(3) == 0 ? null : pick(List.of("MI", "TO"));
        c.gender = random.nextInt(3) == 0 ? null : pick(List.of("F", "M", "X"));
        c.birth = random.nextInt(5) == 0 ? null : today().minusDays(12 + random.nextInt(80 * 365));
        c.channel = pick(List.of("STORE", "APP", "WEB"));
        c.hasMetrics = random.nextInt(5) != 0;
        if (c.hasMetrics) {
            c.last = random.nextInt(6) == 0 ? null : daysAgo(random.nextInt(400));
            c.frequency = random.nextInt(30);
            c.monetary = random.nextInt(100_000);
            c.basket = random.nextInt(10_000);
            c.visits = random.nextInt(500);
            c.lifetime = random.nextInt(500_000);
            c.engagement = random.nextInt(31) - 10;
            c.r = score();
            c.f = score();
            c.m = score();
            c.homeStore = random.nextInt(3) == 0 ? null : pick(List.of("S1", "S2"));
        }
        for (String category : categories) {
            if (random.nextBoolean()) {
                c.categoryRows.put(category, new long[] {
                    random.nextInt(1_000_001), daysAgo(random.nextInt(200)).getEpochSecond()
                });
            }
        }
        for (String sku : skus) {
            if (random.nextInt(5) < 2) {
                c.skuRows.put(sku, daysAgo(random.nextInt(200)));
            }
        }
        int purchases = random.nextInt(4);
        for (int p = 0; p < purchases; p++) {
            Instant at = daysAgo(random.nextInt(120));
            int lines = 1 + random.nextInt(2);
            for (int l = 0; l < lines; l++) {
                c.lines.add(new Object[] {at, pick(categories), pick(skus), random.nextInt(4) != 0});
            }
        }
        for (String purpose : PURPOSES) {
            int decisions = random.nextInt(4);
            for (int d = 0; d < decisions; d++) {
                c.consents.put(purpose, random.nextBoolean());
            }
        }
        c.tier = random.nextBoolean() ? null : pick(List.of("Gold", "Silver"));
        c.answer = random.nextBoolean() ? null : pick(List.of("dog", "cat", "fish"));
        return c;
    }

    private Integer score() {
        return random.nextInt(4) == 0 ? null : 1 + random.nextInt(5);
    }

    private Instant daysAgo(int days) {
        return now.minus(DAY.multipliedBy(days)).minus(Duration.ofHours(12));
    }

    private void write(Connection db, Cust c) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO customer (id, card_number, first_name, email, preferred_channel, enrolment_channel,"
                        + " enrolled_at, version, city, province, gender, birth_date) VALUES (?, ?, ?, NULL, 'NONE', ?,"
                        + " ?, 1, ?, ?, ?, ?)")) {
            insert.setString(1, c.id);
            insert.setString(2, SegmentScenarios.card());
            insert.setString(3, c.erased ? "(erased)" : "Prop");
            insert.setString(4, c.channel);
            insert.setTimestamp(5, SegmentScenarios.utc(now.minus(DAY.multipliedBy(500))));
            insert.setString(6, c.city);
            insert.setString(7, c.province);
            insert.setString(8, c.gender);
            insert.setObject(9, c.birth == null ? null : java.sql.Date.valueOf(c.birth));
            insert.executeUpdate();
        }
        if (c.hasMetrics) {
            try (PreparedStatement m =
                    db.prepareStatement("INSERT INTO customer_metrics (customer_id, last_purchase_at,"
                            + " frequency, monetary, average_basket, visits_per_month_x100, lifetime_value, lifetime_visits,"
                            + " home_store, rfm_r, rfm_f, rfm_m, engagement, computed_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)")) {
                m.setString(1, c.id);
                m.setTimestamp(2, c.last == null ? null : SegmentScenarios.utc(c.last));
                m.setLong(3, c.frequency);
                m.setLong(4, c.monetary);
                m.setLong(5, c.basket);
                m.setLong(6, c.visits);
                m.setLong(7, c.lifetime);
                m.setString(8, c.homeStore);
                m.setObject(9, c.r);
                m.setObject(10, c.f);
                m.setObject(11, c.m);
                m.setLong(12, c.engagement);
                m.setTimestamp(13, SegmentScenarios.utc(now));
                m.executeUpdate();
            }
        }
        for (Map.Entry<String, long[]> row : c.categoryRows.entrySet()) {
            try (PreparedStatement m = db.prepareStatement("INSERT INTO customer_category_metrics (customer_id,"
                    + " category, spend, share_ppm, last_purchase_at) VALUES (?, ?, 100, ?, ?)")) {
                m.setString(1, c.id);
                m.setString(2, row.getKey());
                m.setLong(3, row.getValue()[0]);
                m.setTimestamp(4, SegmentScenarios.utc(Instant.ofEpochSecond(row.getValue()[1])));
                m.executeUpdate();
            }
        }
        for (Map.Entry<String, Instant> row : c.skuRows.entrySet()) {
            try (PreparedStatement m = db.prepareStatement(
                    "INSERT INTO customer_sku_metrics (customer_id, sku, last_purchase_at) VALUES (?, ?, ?)")) {
                m.setString(1, c.id);
                m.setString(2, row.getKey());
                m.setTimestamp(3, SegmentScenarios.utc(row.getValue()));
                m.executeUpdate();
            }
        }
        int number = 0;
        for (Object[] line : c.lines) {
            String purchase = UUID.randomUUID().toString();
            try (PreparedStatement p = db.prepareStatement("INSERT INTO purchase (id, store_id, receipt_id, channel,"
                    + " customer_id, occurred_at, recorded_at, currency, total_paid, points_awarded, points_reversed,"
                    + " amount_reversed, reversals, version) VALUES (?, ?, ?, 'STORE', ?, ?, ?, 'EUR', 100, 0, 0, 0, 0,"
                    + " 1)")) {
                p.setString(1, purchase);
                p.setString(2, run);
                p.setString(3, purchase);
                p.setString(4, c.id);
                p.setTimestamp(5, SegmentScenarios.utc((Instant) line[0]));
                p.setTimestamp(6, SegmentScenarios.utc(now));
                p.executeUpdate();
            }
            try (PreparedStatement l = db.prepareStatement("INSERT INTO purchase_line (purchase_id, line_number, sku,"
                    + " category, quantity, unit_price, discount, earned_millionths, reversed_quantity)"
                    + " VALUES (?, ?, ?, ?, 2, 50, 0, 0, ?)")) {
                l.setString(1, purchase);
                l.setInt(2, ++number);
                l.setString(3, (String) line[2]);
                l.setString(4, (String) line[1]);
                l.setInt(5, (Boolean) line[3] ? random.nextInt(2) : 2);
                l.executeUpdate();
            }
        }
        int position = 0;
        for (String purpose : PURPOSES) {
            if (!c.consents.containsKey(purpose)) {
                continue;
            }
            // a history whose last decision is the one drawn (earlier ones the opposite or the same)
            int earlier = random.nextInt(3);
            for (int d = 0; d <= earlier; d++) {
                boolean granted = d == earlier ? c.consents.get(purpose) : random.nextBoolean();
                try (PreparedStatement k = db.prepareStatement(
                        "INSERT INTO customer_consent (customer_id, position,"
                                + " purpose, granted, recorded_at, source, text_version) VALUES (?, ?, ?, ?, ?, 'test', 'v1')")) {
                    k.setString(1, c.id);
                    k.setInt(2, ++position);
                    k.setString(3, purpose);
                    k.setBoolean(4, granted);
                    k.setTimestamp(5, SegmentScenarios.utc(now));
                    k.executeUpdate();
                }
            }
        }
        if (c.tier != null) {
            try (PreparedStatement t = db.prepareStatement(
                    "INSERT INTO customer_tier (customer_id, tier, since, version) VALUES (?, ?, ?, 1)")) {
                t.setString(1, c.id);
                t.setString(2, c.tier);
                t.setTimestamp(3, SegmentScenarios.utc(now));
                t.executeUpdate();
            }
        }
        if (c.answer != null) {
            try (PreparedStatement a = db.prepareStatement("INSERT INTO customer_answer (customer_id, question_id,"
                    + " value, answered_at) VALUES (?, ?, ?, ?)")) {
                a.setString(1, c.id);
                a.setString(2, question);
                a.setString(3, c.answer);
                a.setTimestamp(4, SegmentScenarios.utc(now));
                a.executeUpdate();
            }
        }
    }

    private Node tree(int depth, boolean segments) {
        int kind = random.nextInt(depth <= 1 ? 10 : 13);
        if (kind >= 10) {
            int size = 1 + random.nextInt(3);
            List<Node> children = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                children.add(tree(depth - 1, segments));
            }
            String list = children.stream().map(Node::json).collect(Collectors.joining(", "));
            if (kind == 10) {
                return new Node("{\"all\": [" + list + "]}", c -> children.stream()
                        .allMatch(n -> n.holds().test(c)));
            }
            if (kind == 11) {
                return new Node("{\"any\": [" + list + "]}", c -> children.stream()
                        .anyMatch(n -> n.holds().test(c)));
            }
            Node inner = children.get(0);
            return new Node(
                    "{\"not\": " + inner.json() + "}", c -> !inner.holds().test(c));
        }
        return switch (kind) {
            case 0, 1 -> metric();
            case 2 -> bought();
            case 3, 4 -> attribute();
            case 5 -> {
                String purpose = PURPOSES[random.nextInt(PURPOSES.length)];
                yield new Node("{\"consent\": \"" + purpose + "\"}", c -> Boolean.TRUE.equals(c.consents.get(purpose)));
            }
            case 6 -> {
                String tier =
                        pick(new ArrayList<>(List.of("Gold", "Silver", firstTier == null ? "Bronze" : firstTier)));
                yield new Node("{\"tier\": \"" + tier + "\"}", c -> {
                    String actual = c.tier != null ? c.tier : firstTier;
                    return actual != null && actual.equalsIgnoreCase(tier);
                });
            }
            case 7 -> {
                Set<String> values =
                        new TreeSet<>(List.of(pick(List.of("dog", "cat", "fish")), pick(List.of("dog", "cat"))));
                yield new Node(
                        "{\"answer\": {\"question\": \"" + question + "\", \"in\": " + array(values) + "}}",
                        c -> c.answer != null && values.contains(c.answer));
            }
            case 8 -> {
                if (segments && !saved.isEmpty()) {
                    String id = pick(new ArrayList<>(new TreeSet<>(saved.keySet())));
                    Node referenced = saved.get(id);
                    yield new Node("{\"inSegment\": \"" + id + "\"}", referenced.holds());
                }
                yield metric();
            }
            default -> metric();
        };
    }

    private Node metric() {
        String[] ops = {"lt", "lte", "gt", "gte", "eq", "between"};
        String op = ops[random.nextInt(ops.length)];
        int which = random.nextInt(11);
        String name;
        long scale = 1;
        long range;
        java.util.function.Function<Cust, Long> value;
        switch (which) {
            case 0 -> {
                name = "recencyDays";
                range = 400;
                value = c -> c.hasMetrics && c.last != null
                        ? Math.floorDiv(Duration.between(c.last, now).getSeconds(), DAY.getSeconds())
                        : null;
            }
            case 1 -> {
                name = "frequency";
                range = 30;
                value = c -> c.hasMetrics ? c.frequency : 0L;
            }
            case 2 -> {
                name = "monetary";
                range = 100_000;
                value = c -> c.hasMetrics ? c.monetary : 0L;
            }
            case 3 -> {
                name = "rfm.r";
                range = 6;
                value = c -> c.hasMetrics && c.r != null ? (long) c.r : null;
            }
            case 4 -> {
                name = "rfm.f";
                range = 6;
                value = c -> c.hasMetrics && c.f != null ? (long) c.f : null;
            }
            case 5 -> {
                name = "rfm.m";
                range = 6;
                value = c -> c.hasMetrics && c.m != null ? (long) c.m : null;
            }
            case 6 -> {
                name = "averageBasket";
                range = 10_000;
                value = c -> c.hasMetrics ? c.basket : 0L;
            }
            case 7 -> {
                name = "lifetimeValue";
                range = 500_000;
                value = c -> c.hasMetrics ? c.lifetime : 0L;
            }
            case 8 -> {
                name = "engagement";
                range = 20;
                value = c -> c.hasMetrics ? c.engagement : 0L;
            }
            case 9 -> {
                name = "visitsPerMonth";
                scale = 100;
                range = 500;
                value = c -> c.hasMetrics ? c.visits : 0L;
            }
            default -> {
                String category = pick(categories);
                name = "categoryShare:" + category;
                scale = 10_000;
                range = 1_000_000;
                value = c ->
                        c.categoryRows.containsKey(category) ? c.categoryRows.get(category)[0] : 0L;
            }
        }
        long a = (long) (random.nextDouble() * range);
        long b = a + (long) (random.nextDouble() * range / 2);
        if (scale > 1) {
            // whole units of the written value (a visit, a percent) and sometimes decimals
            a = random.nextBoolean() ? (a / scale) * scale : a;
            b = random.nextBoolean() ? (b / scale) * scale : b;
            if (scale == 10_000) {
                a = (a / 100) * 100;
                b = (b / 100) * 100;
            }
            b = Math.max(a, b);
        }
        long from = a;
        long to = b;
        long s = scale;
        String written = op.equals("between") ? "[" + decimal(from, s) + ", " + decimal(to, s) + "]" : decimal(from, s);
        return new Node("{\"metric\": \"" + name + "\", \"op\": \"" + op + "\", \"value\": " + written + "}", c -> {
            Long v = value.apply(c);
            if (v == null) {
                return false;
            }
            return switch (op) {
                case "lt" -> v < from;
                case "lte" -> v <= from;
                case "gt" -> v > from;
                case "gte" -> v >= from;
                case "eq" -> v == from;
                default -> v >= from && v <= to;
            };
        });
    }

    private static String decimal(long units, long scale) {
        return java.math.BigDecimal.valueOf(units)
                .divide(java.math.BigDecimal.valueOf(scale))
                .stripTrailingZeros()
                .toPlainString();
    }

    private Node bought() {
        boolean category = random.nextBoolean();
        String item = category ? pick(categories) : pick(skus);
        String key = category ? "category" : "sku";
        // the instants of the customer's purchases that keep a unit of the item
        java.util.function.Function<Cust, List<Instant>> bought = c -> c.lines.stream()
                .filter(l -> (Boolean) l[3] && item.equals(category ? l[1] : l[2]))
                .map(l -> (Instant) l[0])
                .toList();
        int form = random.nextInt(3);
        if (form == 0) {
            return new Node("{\"bought\": {\"" + key + "\": \"" + item + "\"}}", c -> !bought.apply(c)
                    .isEmpty());
        }
        int from = random.nextInt(100);
        int to = from + random.nextInt(100);
        Predicate<Instant> inWindow = at -> {
            long days = Math.floorDiv(Duration.between(at, now).getSeconds(), DAY.getSeconds());
            return days >= from && days <= to;
        };
        if (form == 1) {
            return new Node(
                    "{\"bought\": {\"" + key + "\": \"" + item + "\", \"betweenDaysAgo\": [" + from + ", " + to
                            + "], \"notSince\": true}}",
                    c -> bought.apply(c).stream()
                            .max(Instant::compareTo)
                            .filter(inWindow)
                            .isPresent());
        }
        return new Node(
                "{\"bought\": {\"" + key + "\": \"" + item + "\", \"betweenDaysAgo\": [" + from + ", " + to + "]}}",
                c -> bought.apply(c).stream().anyMatch(inWindow));
    }

    private Node attribute() {
        int which = random.nextInt(6);
        switch (which) {
            case 0 -> {
                Set<String> values = new TreeSet<>(List.of(pick(cities), pick(cities)));
                return attribute("city", values, c -> c.city);
            }
            case 1 -> {
                return attribute("province", Set.of(pick(List.of("MI", "TO", "mi"))), c -> c.province);
            }
            case 2 -> {
                return attribute(
                        "gender",
                        new TreeSet<>(List.of(pick(List.of("F", "M", "X")), pick(List.of("f", "X")))),
                        c -> c.gender);
            }
            case 3 -> {
                return attribute(
                        "homeStore", Set.of(pick(List.of("S1", "S2"))), c -> c.hasMetrics ? c.homeStore : null);
            }
            case 4 -> {
                return attribute("enrolmentChannel", Set.of(pick(List.of("STORE", "APP", "web"))), c -> c.channel);
            }
            default -> {
                Set<String> bands = new TreeSet<>(
                        List.of(BANDS[random.nextInt(BANDS.length)], BANDS[random.nextInt(BANDS.length)]));
                LocalDate today = today();
                return new Node(
                        "{\"attribute\": \"ageBand\", \"in\": " + array(bands) + "}",
                        c -> c.birth != null
                                && bands.contains(
                                        band(Period.between(c.birth, today).getYears())));
            }
        }
    }

    private Node attribute(String name, Set<String> values, java.util.function.Function<Cust, String> of) {
        Set<String> lower = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String json = random.nextBoolean() && values.size() == 1
                ? "{\"attribute\": \"" + name + "\", \"eq\": \""
                        + values.iterator().next() + "\"}"
                : "{\"attribute\": \"" + name + "\", \"in\": " + array(values) + "}";
        return new Node(json, c -> {
            String v = of.apply(c);
            return v != null && lower.contains(v.toLowerCase(Locale.ROOT));
        });
    }

    private static String band(int age) {
        if (age < 18) {
            return "0-17";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age < 35) {
            return "25-34";
        }
        if (age < 45) {
            return "35-44";
        }
        if (age < 55) {
            return "45-54";
        }
        if (age < 65) {
            return "55-64";
        }
        return "65+";
    }

    private static String array(Set<String> values) {
        return "[" + values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ")) + "]";
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
    }
}
