package dev.loyalty.launcher;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills the service's database with realistic data for demos and benchmarks, in plain SQL, the
 * same data for the same seed: stores in eight cities; a catalogue of categories (with
 * consumption days and cross-sell pairs) and products; customers with a home store, consents
 * mixed, three favourite categories each and a Pareto-distributed share of the spend (a fifth of
 * the customers make about four fifths of the receipts); some lapsed (no receipt in their last 6
 * to 18 months); receipts over the chosen months with seasonality (December high, August low,
 * Saturdays busiest), baskets of 1 to 12 lines, mostly from the customer's favourite categories
 * and their cross-sell, at the home store four times in five. Receipts are {@code IMPORT}
 * purchases (history: no points, no events) and count for tiers through {@code tier_qualifying}.
 * Generated cards use serials from {@value #FIRST_SERIAL} (the service's own sequence counts from
 * 1), e-mails {@code gen<seed>.<n>@example.com}.
 */
final class DataGenerator {

    static final long FIRST_SERIAL = 9_000_000_000L;
    /** Receipt lines inserted per transaction. */
    static final int LINES_PER_COMMIT = 100_000;

    static final String[][] CITIES = {
        {"MI", "Milano", "Lombardia"}, {"RM", "Roma", "Lazio"}, {"TO", "Torino", "Piemonte"},
        {"NA", "Napoli", "Campania"}, {"BO", "Bologna", "Emilia-Romagna"}, {"FI", "Firenze", "Toscana"},
        {"PA", "Palermo", "Sicilia"}, {"GE", "Genova", "Liguria"}
    };
    /** id, name, consumption days of its products (0: none), cross-sell ids, typical unit price in cents. */
    static final Object[][] CATEGORIES = {
        {"ready-meals", "Ready meals", 0, "desserts;drinks", 450},
        {"pasta", "Pasta", 0, "sauces;cheese", 160},
        {"sauces", "Sauces", 0, "pasta", 250},
        {"cheese", "Cheese", 0, "wine;bread", 420},
        {"bread", "Bread", 0, "cheese", 220},
        {"fruit", "Fruit", 0, "yogurt", 300},
        {"vegetables", "Vegetables", 0, "fruit", 250},
        {"meat", "Meat", 0, "wine;vegetables", 900},
        {"fish", "Fish", 0, "wine;vegetables", 1200},
        {"yogurt", "Yogurt", 0, "fruit;cereals", 180},
        {"cereals", "Cereals", 0, "yogurt", 350},
        {"desserts", "Desserts", 0, "coffee", 380},
        {"coffee", "Coffee", 60, "desserts", 650},
        {"drinks", "Soft drinks", 0, "snacks", 150},
        {"snacks", "Snacks", 0, "drinks", 200},
        {"wine", "Wine", 0, "cheese;meat", 1100},
        {"baby-care", "Baby care", 30, "personal-care", 1500},
        {"personal-care", "Personal care", 45, "home-care", 550},
        {"face-cream", "Face creams", 45, "personal-care", 1800},
        {"home-care", "Home care", 60, "personal-care", 450},
        {"pet-food", "Pet food", 30, "home-care", 1400},
        {"vitamins", "Vitamins", 90, "face-cream", 1300}
    };
    /** Month weights, January first: December high, August low. */
    static final double[] SEASON = {0.9, 0.85, 0.95, 1.0, 1.0, 1.0, 0.95, 0.7, 1.0, 1.05, 1.1, 1.5};
    /** Weekday weights, Monday first: Saturday busiest. */
    static final double[] WEEK = {0.8, 0.8, 0.85, 0.9, 1.1, 1.5, 0.6};

    private final Connection db;
    private final long seed;
    private final int customers;
    private final long receipts;
    private final int months;
    private final Instant now;
    private final PrintStream out;
    private final List<String> stores = new ArrayList<>();
    private final Map<String, List<String>> skusByCategory = new HashMap<>();
    private final Map<String, Long> priceBySku = new HashMap<>();
    private final BulkLoad bulk;

    DataGenerator(Connection db, long seed, int customers, long receipts, int months, Instant now, PrintStream out) {
        this.db = db;
        this.seed = seed;
        this.customers = customers;
        this.receipts = receipts;
        this.months = months;
        this.now = now.truncatedTo(ChronoUnit.DAYS);
        this.out = out;
        this.bulk = new BulkLoad(db);
    }

    /** What a customer is like, drawn from the seed and its number alone. */
    record Profile(String id, int homeStore, int[] favourites, double weight, Instant firstDay, Instant lastDay) {}

    void run() throws SQLException {
        long started = System.nanoTime();
        db.setAutoCommit(false);
        // every row references what this run inserted before it (its customers, its purchases):
        // the parents' lookups of the foreign keys are left out of this session's bulk inserts
        try (Statement session = db.createStatement()) {
            session.execute("SET SESSION foreign_key_checks = 0");
        }
        long lines;
        try {
            catalogue();
            Profile[] profiles = customers();
            lines = purchases(profiles);
            db.commit();
        } finally {
            try (Statement session = db.createStatement()) {
                session.execute("SET SESSION foreign_key_checks = 1");
            }
        }
        out.printf(
                "generated %d customers, %d receipts, %d lines, %d products in %d stores (seed %d) in %.1f s%n",
                customers,
                receipts,
                lines,
                priceBySku.size(),
                stores.size(),
                seed,
                (System.nanoTime() - started) / 1e9);
    }

    private void catalogue() throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        for (String[] city : CITIES) {
            int count = 1 + random.nextInt(4);
            for (int s = 1; s <= count; s++) {
                stores.add(city[0] + "-" + String.format("%03d", s));
            }
        }
        List<Object[]> categories = new ArrayList<>();
        List<Object[]> products = new ArrayList<>();
        for (Object[] category : CATEGORIES) {
            String id = (String) category[0];
            categories.add(new Object[] {id, category[1], ((String) category[3]).replace(';', '\n')});
            int count = 10 + random.nextInt(30);
            List<String> skus = new ArrayList<>();
            for (int p = 1; p <= count; p++) {
                String sku = id.toUpperCase().replace("-", "").substring(0, 3) + "-" + String.format("%04d", p);
                long price = Math.max(50, Math.round((Integer) category[4] * (0.5 + random.nextDouble() * 1.5)));
                int days = (Integer) category[2];
                products.add(new Object[] {
                    sku,
                    category[1] + " " + p,
                    id,
                    "Brand " + (char) ('A' + random.nextInt(8)),
                    days == 0 ? null : Math.max(7, days + random.nextInt(31) - 15)
                });
                skus.add(sku);
                priceBySku.put(sku, price);
            }
            skusByCategory.put(id, skus);
        }
        insert(
                "INSERT INTO category (id, name, cross_sell, version) VALUES ",
                "(?, ?, ?, 1)",
                " ON DUPLICATE KEY UPDATE name = VALUES(name), cross_sell = VALUES(cross_sell)",
                categories);
        insert(
                "INSERT INTO product (sku, name, category, brand, consumption_days, version) VALUES ",
                "(?, ?, ?, ?, ?, 1)",
                " ON DUPLICATE KEY UPDATE name = VALUES(name), category = VALUES(category),"
                        + " consumption_days = VALUES(consumption_days)",
                products);
    }

    private Profile[] customers() throws SQLException {
        Profile[] profiles = new Profile[customers];
        Instant start = now.minus(months * 30L, ChronoUnit.DAYS);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> wallets = new ArrayList<>();
        List<Object[]> consents = new ArrayList<>();
        String[] first = {"Elena", "Marco", "Giulia", "Luca", "Sara", "Paolo", "Anna", "Matteo", "Chiara", "Davide"};
        String[] last = {"Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"};
        for (int n = 0; n < customers; n++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
            String id = new UUID(random.nextLong(), random.nextLong() & 0x0FFF_FFFF_FFFF_FFFFL | 0x4000_0000_0000_0000L)
                    .toString();
            int homeStore = random.nextInt(stores.size());
            int[] favourites = {
                random.nextInt(CATEGORIES.length), random.nextInt(CATEGORIES.length), random.nextInt(CATEGORIES.length)
            };
            // Pareto (alpha 1.16: the 80/20 rule) spend weight
            double weight = Math.min(1_000, 1 / Math.pow(1 - random.nextDouble(), 1 / 1.16));
            Instant enrolled = start.plus(random.nextLong((long) months * 30 * 86_400 / 2), ChronoUnit.SECONDS);
            Instant lastDay = now;
            if (random.nextDouble() < 0.15) {
                // lapsed: nothing in the last 6 to 18 months
                lastDay = now.minus(180 + random.nextInt(360), ChronoUnit.DAYS);
                if (!lastDay.isAfter(enrolled)) {
                    lastDay = enrolled.plus(30, ChronoUnit.DAYS);
                }
            }
            profiles[n] = new Profile(id, homeStore, favourites, weight, enrolled, lastDay);
            String store = stores.get(homeStore);
            boolean app = random.nextDouble() < 0.3;
            rows.add(new Object[] {
                id,
                card(FIRST_SERIAL + seed % 1_000 * 1_000_000L + n),
                first[random.nextInt(first.length)],
                last[random.nextInt(last.length)],
                "gen" + seed + "." + n + "@example.com",
                n < 10_000_000 && random.nextDouble() < 0.6
                        ? "+3930" + String.format("%03d", seed % 1_000) + String.format("%07d", n % 10_000_000)
                        : null,
                LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                random.nextDouble() < 0.5 ? "EMAIL" : "SMS",
                app ? "APP" : "STORE",
                app ? null : store,
                utc(enrolled),
                1,
                "G" + Long.toString(seed % 1_000, 36).toUpperCase()
                        + Integer.toString(n, 36).toUpperCase(),
                city(store)[1],
                city(store)[0],
                gender(id)
            });
            wallets.add(new Object[] {id});
            String[] purposes = {"MARKETING_EMAIL", "MARKETING_SMS", "MARKETING_PUSH", "PROFILING"};
            double[] rates = {0.55, 0.35, 0.25, 0.6};
            for (int p = 0; p < purposes.length; p++) {
                consents.add(new Object[] {id, p + 1, purposes[p], random.nextDouble() < rates[p], utc(enrolled)});
            }
            if (rows.size() == 10_000) {
                flushCustomers(rows, wallets, consents);
            }
        }
        flushCustomers(rows, wallets, consents);
        return profiles;
    }

    /** @return the row of {@link #CITIES} a store (e.g. {@code MI-002}) is in */
    static String[] city(String store) {
        for (String[] city : CITIES) {
            if (store.startsWith(city[0] + "-")) {
                return city;
            }
        }
        throw new IllegalArgumentException("a store outside the generated cities: " + store);
    }

    /**
     * @return a gender drawn from the customer's id (not from the customer's random stream, so that
     *     the rest of a seed's data is what it was before the attribute existed): 52 % female, 45 %
     *     male, 1 % other, 2 % undisclosed
     */
    static String gender(String customerId) {
        int draw = Math.floorMod(customerId.hashCode(), 100);
        return draw < 52 ? "FEMALE" : draw < 97 ? "MALE" : draw < 98 ? "OTHER" : "UNDISCLOSED";
    }

    private void flushCustomers(List<Object[]> rows, List<Object[]> wallets, List<Object[]> consents)
            throws SQLException {
        // a phone number drawn twice (more than 10 million customers) would break its unique key: kept empty then
        if (!bulk.load(
                        "customer",
                        "(id, card_number, first_name, last_name, email, phone, birth_date, preferred_channel,"
                                + " enrolment_channel, store_id, enrolled_at, version, own_referral_code, city,"
                                + " province, gender)",
                        rows)
                || !bulk.load("wallet", "(customer_id) SET balance = 0, version = 1", wallets)
                || !bulk.load(
                        "customer_consent",
                        "(customer_id, position, purpose, granted, recorded_at)"
                                + " SET source = 'generator', text_version = '2026-01'",
                        consents)) {
            insert(
                    "INSERT IGNORE INTO customer (id, card_number, first_name, last_name, email, phone, birth_date,"
                            + " preferred_channel, enrolment_channel, store_id, enrolled_at, version,"
                            + " own_referral_code, city, province, gender) VALUES ",
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "",
                    rows);
            insert("INSERT IGNORE INTO wallet (customer_id, balance, version) VALUES ", "(?, 0, 1)", "", wallets);
            insert(
                    "INSERT IGNORE INTO customer_consent (customer_id, position, purpose, granted, recorded_at,"
                            + " source, text_version) VALUES ",
                    "(?, ?, ?, ?, ?, 'generator', '2026-01')",
                    "",
                    consents);
        }
        db.commit();
        rows.clear();
        wallets.clear();
        consents.clear();
    }

    private long purchases(Profile[] profiles) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] cumulative = new double[profiles.length];
        double total = 0;
        for (int i = 0; i < profiles.length; i++) {
            total += profiles[i].weight();
            cumulative[i] = total;
        }
        long days = ChronoUnit.DAYS.between(now.minus(months * 30L, ChronoUnit.DAYS), now);
        double[] dayWeights = new double[(int) days];
        double dayTotal = 0;
        Instant start = now.minus(days, ChronoUnit.DAYS);
        for (int d = 0; d < days; d++) {
            LocalDate date = LocalDate.ofInstant(start.plus(d, ChronoUnit.DAYS), ZoneOffset.UTC);
            dayTotal +=
                    SEASON[date.getMonthValue() - 1] * WEEK[date.getDayOfWeek().getValue() - 1];
            dayWeights[d] = dayTotal;
        }
        List<Object[]> purchases = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        Map<String, long[]> qualifying = new HashMap<>();
        long lineCount = 0;
        for (long r = 0; r < receipts; r++) {
            Profile customer = profiles[pick(cumulative, random.nextDouble() * total)];
            Instant at = null;
            for (int attempt = 0; attempt < 20 && at == null; attempt++) {
                int day = pick(dayWeights, random.nextDouble() * dayTotal);
                Instant candidate =
                        start.plus(day, ChronoUnit.DAYS).plus(8 * 3600 + random.nextInt(12 * 3600), ChronoUnit.SECONDS);
                if (!candidate.isBefore(customer.firstDay()) && !candidate.isAfter(customer.lastDay())) {
                    at = candidate;
                }
            }
            if (at == null) {
                at = customer.firstDay().plus(random.nextInt(86_400), ChronoUnit.SECONDS);
                if (at.isAfter(now)) {
                    at = now;
                }
            }
            boolean online = random.nextDouble() < 0.1;
            String store = online
                    ? "WEB-001"
                    : stores.get(random.nextDouble() < 0.8 ? customer.homeStore() : random.nextInt(stores.size()));
            boolean anonymous = random.nextDouble() < 0.05;
            random.nextLong();
            String id = orderedId(r, random.nextLong()).toString();
            int size = 1 + (int) Math.min(11, -Math.log(1 - random.nextDouble()) * 3);
            long net = 0;
            String previous = null;
            for (int l = 1; l <= size; l++) {
                String category = category(random, customer, previous);
                previous = category;
                List<String> skus = skusByCategory.get(category);
                String sku = skus.get(
                        (int) Math.min(skus.size() - 1, Math.floor(Math.pow(random.nextDouble(), 2) * skus.size())));
                int quantity = random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(3);
                long price = priceBySku.get(sku);
                long discount = random.nextDouble() < 0.1 ? price * quantity / 10 : 0;
                net += price * quantity - discount;
                lines.add(new Object[] {id, l, sku, category, quantity, price, discount});
            }
            lineCount += size;
            purchases.add(new Object[] {
                id,
                store,
                "G" + seed + "-" + r,
                online ? "ONLINE" : "STORE",
                anonymous ? null : customer.id(),
                utc(at),
                utc(now),
                net
            });
            if (!anonymous) {
                String key = customer.id() + " "
                        + LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
                qualifying.computeIfAbsent(key, k -> new long[1])[0] += net;
            }
            if (lines.size() >= LINES_PER_COMMIT) {
                flushPurchases(purchases, lines);
            }
            if ((r + 1) % 1_000_000 == 0) {
                out.printf("  %d receipts%n", r + 1);
            }
        }
        flushPurchases(purchases, lines);
        List<Object[]> months = new ArrayList<>();
        List<String> keys = new ArrayList<>(qualifying.keySet());
        Collections.sort(keys);
        for (String key : keys) {
            String[] parts = key.split(" ");
            months.add(new Object[] {
                parts[0], LocalDate.parse(parts[1]), qualifying.get(key)[0]
            });
            if (months.size() == 5_000) {
                flushQualifying(months);
            }
        }
        flushQualifying(months);
        return lineCount;
    }

    /** Two lines in three from the favourites (or what they cross-sell), the rest anywhere. */
    private String category(SplittableRandom random, Profile customer, String previous) {
        double draw = random.nextDouble();
        if (previous != null && draw < 0.15) {
            for (Object[] c : CATEGORIES) {
                if (c[0].equals(previous) && !((String) c[3]).isEmpty()) {
                    String[] crossSell = ((String) c[3]).split(";");
                    return crossSell[random.nextInt(crossSell.length)];
                }
            }
        }
        if (draw < 0.67) {
            return (String) CATEGORIES[customer.favourites()[random.nextInt(3)]][0];
        }
        return (String) CATEGORIES[random.nextInt(CATEGORIES.length)][0];
    }

    /**
     * The id of the {@code n}th generated receipt: time-ordered as the service's imports make them
     * (RFC 9562 version 7, the generation's start plus one millisecond per 4,096 receipts, then the
     * receipt's number, then random bits), so that the purchases, their lines and their category
     * and SKU rows - all keyed by it - are appended at the end of their tables' keys rather than
     * into random pages (a disk read each once they outgrow the buffer pool).
     */
    private UUID orderedId(long n, long randomBits) {
        long high = ((now.toEpochMilli() + n / 4_096) << 16) | 0x7000L | (n % 4_096);
        return new UUID(high, randomBits & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L);
    }

    private void flushPurchases(List<Object[]> purchases, List<Object[]> lines) throws SQLException {
        // what segments read of who bought what (V14_1): a row per purchase of a customer and each
        // category and SKU of its lines, as the service writes them
        Map<Object, Object[]> byId = new HashMap<>();
        for (Object[] purchase : purchases) {
            byId.put(purchase[0], purchase);
        }
        Map<String, Object[]> bought = new LinkedHashMap<>();
        for (Object[] line : lines) {
            Object[] purchase = byId.get(line[0]);
            if (purchase[4] != null) {
                bought.putIfAbsent(
                        line[0] + " C " + line[3], new Object[] {line[0], "C", line[3], purchase[5], purchase[4]});
                bought.putIfAbsent(
                        line[0] + " S " + line[2], new Object[] {line[0], "S", line[2], purchase[5], purchase[4]});
            }
        }
        if (!bulk.load(
                        "purchase",
                        "(id, store_id, receipt_id, channel, customer_id, occurred_at, recorded_at, total_paid)"
                                + " SET currency = 'EUR', points_awarded = 0, points_reversed = 0,"
                                + " amount_reversed = 0, reversals = 0, version = 1, source = 'IMPORT'",
                        purchases)
                || !bulk.load(
                        "purchase_line",
                        "(purchase_id, line_number, sku, category, quantity, unit_price, discount)"
                                + " SET earned_millionths = 0, reversed_quantity = 0",
                        lines)
                || !bulk.load(
                        "purchase_bought", "(purchase_id, kind, item, occurred_at, customer_id)", bought.values())) {
            insert(
                    "INSERT IGNORE INTO purchase (id, store_id, receipt_id, channel, customer_id, occurred_at,"
                            + " recorded_at, currency, total_paid, points_awarded, points_reversed, amount_reversed,"
                            + " reversals, version, source) VALUES ",
                    "(?, ?, ?, ?, ?, ?, ?, 'EUR', ?, 0, 0, 0, 0, 1, 'IMPORT')",
                    "",
                    purchases);
            insert(
                    "INSERT IGNORE INTO purchase_line (purchase_id, line_number, sku, category, quantity, unit_price,"
                            + " discount, earned_millionths, reversed_quantity) VALUES ",
                    "(?, ?, ?, ?, ?, ?, ?, 0, 0)",
                    "",
                    lines);
            insert(
                    "INSERT IGNORE INTO purchase_bought (purchase_id, kind, item, occurred_at, customer_id) VALUES ",
                    "(?, ?, ?, ?, ?)",
                    "",
                    new ArrayList<>(bought.values()));
        }
        db.commit();
        purchases.clear();
        lines.clear();
    }

    private void flushQualifying(List<Object[]> months) throws SQLException {
        insert(
                "INSERT INTO tier_qualifying (customer_id, month, net_spend, points_earned) VALUES ",
                "(?, ?, ?, 0)",
                " ON DUPLICATE KEY UPDATE net_spend = net_spend + VALUES(net_spend)",
                months);
        db.commit();
        months.clear();
    }

    /** The index of the first cumulative weight above {@code target}. */
    static int pick(double[] cumulative, double target) {
        int found = Arrays.binarySearch(cumulative, target);
        int index = found >= 0 ? found : -found - 1;
        return Math.min(index, cumulative.length - 1);
    }

    /** A card number as the service issues them: 29, the scrambled serial, the GS1 check digit. */
    static String card(long serial) {
        long high = 7_368_787_397L / 100_000L;
        long low = 7_368_787_397L % 100_000L;
        long scrambled =
                Math.floorMod(Math.floorMod(serial * high, 100_000L) * 100_000L + serial * low, 10_000_000_000L);
        String body = "29" + String.format("%010d", scrambled);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : 3 * digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void insert(String head, String placeholders, String tail, List<Object[]> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += 2_000) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 2_000));
            try (PreparedStatement insert = db.prepareStatement(
                    head + String.join(", ", Collections.nCopies(chunk.size(), placeholders)) + tail)) {
                int p = 0;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        insert.setObject(++p, value);
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    /** @return whether customers of this seed are there already (a second run would count them twice) */
    boolean alreadyGenerated() throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM customer WHERE email = ?")) {
            query.setString(1, "gen" + seed + ".0@example.com");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** @return whether the service's schema (with the history tables) is there */
    static boolean schemaReady(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name IN ('import_job', 'product')")) {
            rows.next();
            return rows.getInt(1) == 2;
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
