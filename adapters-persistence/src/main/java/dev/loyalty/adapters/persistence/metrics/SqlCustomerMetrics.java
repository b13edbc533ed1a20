package dev.loyalty.adapters.persistence.metrics;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.purchase.AppendedPurchases;
import dev.loyalty.adapters.persistence.sql.NamedSql;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.metrics.ActivePopulation;
import dev.loyalty.application.metrics.CategoryMetric;
import dev.loyalty.application.metrics.CustomerMetrics;
import dev.loyalty.application.metrics.CustomerMetricsStore;
import dev.loyalty.application.metrics.EngagementGain;
import dev.loyalty.application.metrics.EngagementWeights;
import dev.loyalty.application.metrics.MetricsDefinition;
import dev.loyalty.application.metrics.MetricsRebuildRunningException;
import dev.loyalty.application.metrics.RebuildOutcome;
import dev.loyalty.application.metrics.RfmCuts;
import dev.loyalty.application.metrics.SkuPurchase;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.purchase.Purchase;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.purchase.PurchaseLine;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The metrics, set-based in MariaDB, in the caller's transaction. A purchase or reversal only
 * marks its customer due ({@code customer_metrics_due}, one upsert by key); the due customers are
 * claimed in batches and recomputed. Every recomputation is a few
 * statements over the purchases of a set of customers - named one by one (a live purchase, an
 * import batch) or as an id range (a rebuild batch) - each reaching a customer's purchases through
 * {@code ix_purchase_customer}: the customer row (an upsert that keeps a row computed later than
 * itself, so that a rebuild batch never overwrites a fresher live update), the store rows, the
 * category rows and the SKU rows (deleted and inserted again), and the engagement; a rebuild batch also reconciles
 * the {@code purchase_bought} rows of its customers' purchases, which the purchase and import
 * adapters keep live. RFM scores are computed in the
 * statement from the cut points of the last rebuild (read at most once a minute per instance: they
 * change once a night).
 *
 * <p>Definitions: a purchase's net is {@code total_paid - amount_reversed}; it is a visit while its
 * net is positive; a line counts for its category and SKU while some of it is kept ({@code
 * quantity > reversed_quantity}), for {@code (quantity - reversed_quantity) * unit_price} less the
 * same part of its discount (rounded down).
 */
@ApplicationScoped
public class SqlCustomerMetrics implements CustomerMetricsStore {

    static final String PROGRAMME = "default";

    private static final Duration CUTS_FRESH_FOR = Duration.ofMinutes(1);
    private static final int CUSTOMERS_PER_STATEMENT = 200;

    private static final String COUNTED = "(p.total_paid - p.amount_reversed > 0)";
    private static final String LINE_NET =
            "((l.quantity - l.reversed_quantity) * l.unit_price - l.discount * (l.quantity - l.reversed_quantity) DIV l.quantity)";
    private static final List<String> METRIC_COLUMNS = List.of(
            "first_purchase_at",
            "last_purchase_at",
            "frequency",
            "monetary",
            "average_basket",
            "visits_per_month_x100",
            "lifetime_value",
            "lifetime_visits",
            "home_store",
            "rfm_r",
            "rfm_f",
            "rfm_m",
            "window_months");

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private volatile CachedCuts cached;

    private record CachedCuts(RfmCuts cuts, Instant readAt) {}

    protected SqlCustomerMetrics() {}

    /** For tests outside the container. */
    public SqlCustomerMetrics(EntityManager em) {
        this.em = em;
    }

    /** Which customers a statement is about: a condition on a customer id column and its parameters. */
    private record Customers(String condition, Map<String, Object> parameters) {

        String on(String column) {
            return condition.replace("#", column);
        }

        static Customers named(List<String> ids) {
            Map<String, Object> parameters = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                parameters.put("c" + i, ids.get(i));
                names.add(":c" + i);
            }
            return new Customers("# IN (" + String.join(", ", names) + ")", parameters);
        }

        /**
         * Runs {@code statement} over the ids, {@link #CUSTOMERS_PER_STATEMENT} at a time, in the
         * order given (key order, for statements that lock).
         *
         * @return the sum of what the statements returned (rows changed)
         */
        static int inChunks(List<String> ids, java.util.function.ToIntFunction<Customers> statement) {
            int total = 0;
            for (int from = 0; from < ids.size(); from += CUSTOMERS_PER_STATEMENT) {
                total += statement.applyAsInt(
                        named(ids.subList(from, Math.min(ids.size(), from + CUSTOMERS_PER_STATEMENT))));
            }
            return total;
        }

        static Customers range(String low, String high) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("low", low);
            parameters.put("high", high);
            return new Customers("# > :low AND # <= :high", parameters);
        }
    }

    @Override
    public void refresh(
            Collection<CustomerId> customers,
            Optional<PurchaseId> purchase,
            Instant now,
            MetricsDefinition definition) {
        List<String> ids = customers.stream().map(CustomerId::toString).sorted().toList();
        RfmCuts cuts = currentCuts(now);
        Customers.inChunks(ids, chunk -> {
            compute(chunk, purchase, now, definition, cuts, false);
            return 0;
        });
    }

    /** The recomputation of these customers' rows over their purchases, with these cut points (tests). */
    void recompute(List<String> ids, Instant now, MetricsDefinition definition, RfmCuts cuts) {
        compute(Customers.named(ids), Optional.empty(), now, definition, cuts, false);
    }

    /** A rebuild batch's recomputation of the customers in {@code (low, high]}, keeping rows computed later (tests). */
    void recomputeRange(String low, String high, Instant start, MetricsDefinition definition, RfmCuts cuts) {
        compute(Customers.range(low, high), Optional.empty(), start, definition, cuts, true);
    }

    /** The customer, store, category and SKU rows of these customers, as of {@code now}. */
    private void compute(
            Customers customers,
            Optional<PurchaseId> purchase,
            Instant now,
            MetricsDefinition definition,
            RfmCuts cuts,
            boolean keepLater) {
        Map<String, Object> p = new HashMap<>(customers.parameters());
        p.put("now", UtcTimes.utc(now));
        p.put("start", UtcTimes.utc(definition.windowStart(now)));
        p.put("months", definition.windowMonths());
        String rfm = rfm(cuts, p);
        // the customer row first: a rebuild batch and a recomputation of due customers take the
        // same rows in the same order (by customer), so they queue up rather than deadlock
        NamedSql.update(
                em,
                """
                INSERT INTO customer_metrics (customer_id, first_purchase_at, last_purchase_at, frequency, monetary,
                    average_basket, visits_per_month_x100, lifetime_value, lifetime_visits, home_store,
                    rfm_r, rfm_f, rfm_m, engagement, window_months, computed_at)
                SELECT a.customer_id, a.first_at, a.last_at, a.freq, a.mon, IF(a.freq = 0, 0, a.mon DIV a.freq),
                       a.freq * 100 DIV :months, a.ltv, a.visits,
                       (SELECT h.store_id FROM purchase h
                        WHERE h.customer_id = a.customer_id AND h.total_paid - h.amount_reversed > 0
                        GROUP BY h.store_id ORDER BY COUNT(*) DESC, MAX(h.occurred_at) DESC, h.store_id LIMIT 1),
                       %s, 0, :months, :now
                FROM (SELECT p.customer_id,
                             MIN(IF(%s, p.occurred_at, NULL)) AS first_at,
                             MAX(IF(%s, p.occurred_at, NULL)) AS last_at,
                             TIMESTAMPDIFF(DAY, MAX(IF(%s, p.occurred_at, NULL)), :now) AS days,
                             COALESCE(SUM(%s AND p.occurred_at >= :start), 0) AS freq,
                             COALESCE(SUM(IF(p.occurred_at >= :start, p.total_paid - p.amount_reversed, 0)), 0) AS mon,
                             COALESCE(SUM(p.total_paid - p.amount_reversed), 0) AS ltv,
                             COALESCE(SUM(%s), 0) AS visits
                      FROM purchase p WHERE %s GROUP BY p.customer_id) a
                ON DUPLICATE KEY UPDATE %s"""
                        .formatted(
                                rfm,
                                COUNTED,
                                COUNTED,
                                COUNTED,
                                COUNTED,
                                COUNTED,
                                customers.on("p.customer_id"),
                                updates()),
                p);

        // a purchase appended in this very transaction is new: no reversal, every line kept. Its
        // customer loses no category (nothing to delete) and its SKUs' last purchase is at most
        // moved to it - exactly what the recomputation would give, without reading the history
        Optional<Purchase> appendedNow = purchase.flatMap(id -> AppendedPurchases.appendedNow(transactions, id));
        boolean appended = appendedNow.isPresent();
        String kept = keepLater
                ? " AND # NOT IN (SELECT k.customer_id FROM customer_metrics k WHERE %s AND k.computed_at > :now)"
                        .formatted(customers.on("k.customer_id"))
                : "";
        // the visits per store the home store is chosen from, which a new purchase then adds to
        NamedSql.update(
                em,
                "DELETE FROM customer_store_metrics WHERE " + customers.on("customer_id")
                        + kept.replace("#", "customer_id"),
                p);
        NamedSql.update(
                em,
                """
                INSERT INTO customer_store_metrics (customer_id, store_id, visits, last_visit_at)
                SELECT p.customer_id, p.store_id, COUNT(*), MAX(p.occurred_at)
                FROM purchase p
                WHERE %s AND %s%s
                GROUP BY p.customer_id, p.store_id
                ON DUPLICATE KEY UPDATE visits = customer_store_metrics.visits"""
                        .formatted(customers.on("p.customer_id"), COUNTED, kept.replace("#", "p.customer_id")),
                p);
        if (!appended) {
            NamedSql.update(
                    em,
                    "DELETE FROM customer_category_metrics WHERE " + customers.on("customer_id")
                            + kept.replace("#", "customer_id"),
                    p);
        }
        NamedSql.update(
                em,
                """
                INSERT INTO customer_category_metrics (customer_id, category, spend, share_ppm, last_purchase_at)
                SELECT y.customer_id, y.category, y.spend, IF(y.total > 0, y.spend * 1000000 DIV y.total, 0), y.last_at
                FROM (SELECT x.*, SUM(x.spend) OVER (PARTITION BY x.customer_id) AS total
                      FROM (SELECT p.customer_id, l.category,
                                   SUM(IF(p.occurred_at >= :start, %s, 0)) AS spend,
                                   MAX(p.occurred_at) AS last_at
                            FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id
                            WHERE %s AND l.quantity > l.reversed_quantity%s
                            GROUP BY p.customer_id, l.category) x) y
                ON DUPLICATE KEY UPDATE spend = VALUES(spend), share_ppm = VALUES(share_ppm),
                    last_purchase_at = VALUES(last_purchase_at)"""
                        .formatted(LINE_NET, customers.on("p.customer_id"), kept.replace("#", "p.customer_id")),
                p);

        if (appended) {
            lastBought(appendedNow.get(), customers.parameters().values());
            return;
        }
        String skus = "";
        if (purchase.isPresent()) {
            p.put("purchase", purchase.get().toString());
            skus = " AND # IN (SELECT s.sku FROM purchase_line s WHERE s.purchase_id = :purchase)";
        }
        NamedSql.update(
                em,
                "DELETE FROM customer_sku_metrics WHERE " + customers.on("customer_id")
                        + kept.replace("#", "customer_id") + skus.replace("#", "sku"),
                p);
        NamedSql.update(
                em,
                """
                INSERT INTO customer_sku_metrics (customer_id, sku, last_purchase_at)
                SELECT p.customer_id, l.sku, MAX(p.occurred_at)
                FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id
                WHERE %s AND l.quantity > l.reversed_quantity%s%s
                GROUP BY p.customer_id, l.sku
                ON DUPLICATE KEY UPDATE last_purchase_at = VALUES(last_purchase_at)"""
                        .formatted(
                                customers.on("p.customer_id"),
                                kept.replace("#", "p.customer_id"),
                                skus.replace("#", "l.sku")),
                p);
    }

    /**
     * A new purchase's SKUs: bought last at the purchase unless a later purchase is stored, one
     * multi-row upsert from the lines in hand (an INSERT ... SELECT over the purchase's rows with a
     * GROUP BY cost ten times as much). A SKU named twice, in whatever case, meets its own row.
     */
    private void lastBought(Purchase purchase, Collection<Object> customers) {
        Optional<CustomerId> customer = purchase.customerId();
        List<PurchaseLine> kept = purchase.lines().stream()
                .filter(line -> line.remainingQuantity() > 0)
                .toList();
        if (customer.isEmpty()
                || kept.isEmpty()
                || !customers.contains(customer.get().toString())) {
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("customer", customer.get().toString());
        p.put("at", UtcTimes.utc(purchase.occurredAt()));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            p.put("s" + i, kept.get(i).line().sku());
            rows.add("(:customer, :s" + i + ", :at)");
        }
        NamedSql.update(
                em,
                "INSERT INTO customer_sku_metrics (customer_id, sku, last_purchase_at) VALUES "
                        + String.join(", ", rows)
                        + " ON DUPLICATE KEY UPDATE last_purchase_at ="
                        + " GREATEST(customer_sku_metrics.last_purchase_at, VALUES(last_purchase_at))",
                p);
    }

    /** Each column from the new row unless the stored row was computed later; {@code computed_at} last. */
    private static String updates() {
        StringBuilder sql = new StringBuilder();
        for (String column : METRIC_COLUMNS) {
            sql.append(column)
                    .append(" = IF(customer_metrics.computed_at > VALUES(computed_at), customer_metrics.")
                    .append(column)
                    .append(", VALUES(")
                    .append(column)
                    .append(")), ");
        }
        return sql.append("computed_at = GREATEST(customer_metrics.computed_at, VALUES(computed_at))")
                .toString();
    }

    /** The three RFM expressions over {@code a.days}, {@code a.freq}, {@code a.mon}, their cut points bound. */
    private static String rfm(RfmCuts cuts, Map<String, Object> parameters) {
        if (cuts.isEmpty()) {
            return "NULL, NULL, NULL";
        }
        return "IF(a.freq = 0, NULL, 5" + exceeded("a.days", "r", cuts.recency(), parameters) + "), "
                + "IF(a.freq = 0, NULL, 1"
                + exceeded("a.freq", "f", cuts.frequency(), parameters).replace('-', '+')
                + "), "
                + "IF(a.freq = 0, NULL, 1"
                + exceeded("a.mon", "m", cuts.monetary(), parameters).replace('-', '+')
                + ")";
    }

    private static String exceeded(String value, String name, List<Long> cuts, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < cuts.size(); i++) {
            parameters.put(name + i, cuts.get(i));
            sql.append(" - (")
                    .append(value)
                    .append(" > :")
                    .append(name)
                    .append(i)
                    .append(')');
        }
        return sql.toString();
    }

    @Override
    public void markDue(CustomerId customer, Instant now) {
        NamedSql.update(
                em,
                """
                INSERT INTO customer_metrics_due (customer_id, marked_at) VALUES (:customer, :now)
                ON DUPLICATE KEY UPDATE marked_at = VALUES(marked_at), claimed_by = NULL, claimed_until = NULL""",
                Map.of("customer", customer.toString(), "now", UtcTimes.utc(now)));
    }

    @Override
    public List<CustomerId> claimDue(UUID claim, Instant now, Duration lease, Optional<Instant> markedBy, int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("claim", claim.toString());
        p.put("now", UtcTimes.utc(now));
        p.put("until", UtcTimes.utc(now.plus(lease)));
        p.put("limit", limit);
        List<String> candidates;
        String which;
        if (markedBy.isPresent()) {
            p.put("by", UtcTimes.utc(markedBy.get()));
            // a claim without an end is a running import's: its customers are due once it ends
            which = "marked_at <= :by AND (claimed_by IS NULL OR (claimed_until IS NOT NULL AND claimed_by <> :claim))";
            candidates = candidates("customer_metrics_due", which, "customer_id", p);
        } else {
            // each through its index, in its order (no sort): an OR of the two walked the whole table
            // in key order at every claim, through every customer a running import holds
            which = "(claimed_by IS NULL OR claimed_until < :now)";
            candidates = new ArrayList<>(candidates(
                    "customer_metrics_due FORCE INDEX (ix_customer_metrics_due_claim)",
                    "claimed_by IS NULL",
                    "claimed_by, customer_id",
                    p));
            if (candidates.size() < limit) {
                p.put("limit", limit - candidates.size());
                candidates.addAll(candidates(
                        "customer_metrics_due FORCE INDEX (ix_customer_metrics_due_lapsed)",
                        "claimed_until < :now",
                        "claimed_until, customer_id",
                        p));
            }
        }
        // found by plain reads, then locked and claimed by key, in key order, if they still qualify:
        // every claimer, lock of a mark and release thus takes the marks' locks the same way (the
        // row, then its secondary index entries) and in one order. An update walking a secondary
        // index locks its entry, then waits for the row, while one holding the row waits for that
        // entry to change it; and two statements each in key order are not in key order together -
        // deadlocks whose victim was once a segment's settle, answered 409 to the console
        List<String> inOrder = candidates.stream().distinct().sorted().toList();
        int claimed = Customers.inChunks(inOrder, chunk -> {
            Map<String, Object> parameters = new HashMap<>(p);
            parameters.putAll(chunk.parameters());
            return NamedSql.update(
                    em,
                    "UPDATE customer_metrics_due FORCE INDEX (PRIMARY) SET claimed_by = :claim, claimed_until = :until"
                            + " WHERE " + chunk.on("customer_id") + " AND " + which + " ORDER BY customer_id",
                    parameters);
        });
        return claimed == 0
                ? List.of()
                : heldBy(claim).stream().map(CustomerId::parse).toList();
    }

    /** The customers whose marks the claim holds, in key order: a plain read (no lock). */
    private List<String> heldBy(UUID claim) {
        @SuppressWarnings("unchecked")
        List<Object> held = NamedSql.query(
                        em,
                        "SELECT customer_id FROM customer_metrics_due WHERE claimed_by = :claim ORDER BY customer_id",
                        Map.of("claim", claim.toString()))
                .getResultList();
        return held.stream().map(id -> (String) id).toList();
    }

    /** At most {@code :limit} customers {@code which}, in {@code order}: a plain read (no lock). */
    private List<String> candidates(String table, String which, String order, Map<String, Object> p) {
        @SuppressWarnings("unchecked")
        List<Object> found = NamedSql.query(
                        em,
                        "SELECT customer_id FROM " + table + " WHERE " + which + " ORDER BY " + order + " LIMIT :limit",
                        p)
                .getResultList();
        return found.stream().map(id -> (String) id).toList();
    }

    @Override
    public boolean claimDue(UUID claim, CustomerId customer, Instant now, Duration lease) {
        return NamedSql.update(
                        em,
                        """
                        UPDATE customer_metrics_due SET claimed_by = :claim, claimed_until = :until
                        WHERE customer_id = :customer""",
                        Map.of(
                                "claim",
                                claim.toString(),
                                "until",
                                UtcTimes.utc(now.plus(lease)),
                                "customer",
                                customer.toString()))
                == 1;
    }

    @Override
    public void lockDue(Collection<CustomerId> customers) {
        List<String> ids = customers.stream().map(CustomerId::toString).sorted().toList();
        Customers.inChunks(ids, chunk -> NamedSql.query(
                        em,
                        "SELECT customer_id FROM customer_metrics_due FORCE INDEX (PRIMARY) WHERE "
                                + chunk.on("customer_id") + " ORDER BY customer_id FOR UPDATE",
                        chunk.parameters())
                .getResultList()
                .size());
    }

    @Override
    public void releaseDue(UUID claim) {
        // the marks the claim still holds (the caller holds their locks), each deleted by its key: a
        // delete walking ix_customer_metrics_due_claim would also lock the rows of the claim's stale
        // entries (a mark a purchase took back, its old entry not yet purged) - rows another claimer
        // may hold while it waits for one of ours. By key only (FORCE INDEX): on a small table the
        // optimizer would rather scan it whole, locking (and waiting for) every other row on the way
        Customers.inChunks(heldBy(claim), chunk -> {
            Map<String, Object> parameters = new HashMap<>(chunk.parameters());
            parameters.put("claim", claim.toString());
            return NamedSql.update(
                    em,
                    "DELETE d FROM customer_metrics_due d FORCE INDEX (PRIMARY) WHERE " + chunk.on("d.customer_id")
                            + " AND d.claimed_by = :claim",
                    parameters);
        });
    }

    @Override
    public void refreshEngagement(CustomerId customer, Instant now, MetricsDefinition definition) {
        Map<String, Object> p = new HashMap<>();
        p.put("customer", customer.toString());
        p.put("now", UtcTimes.utc(now));
        p.put("start", UtcTimes.utc(definition.windowStart(now)));
        String weighted = weighted(definition.weights(), p);
        NamedSql.update(
                em,
                """
                INSERT INTO customer_metrics (customer_id, engagement, computed_at)
                SELECT :customer, COALESCE(SUM(%s), 0), :now
                FROM customer_event e
                WHERE e.customer_id = :customer AND e.occurred_at >= :start AND %s
                ON DUPLICATE KEY UPDATE engagement = VALUES(engagement)"""
                        .formatted(weighted, countedEvents(definition.weights())),
                p);
    }

    /**
     * The gains in one upsert, the rows taken in customer id order (so that concurrent batches
     * sharing customers wait, never deadlock), each customer's row added to under its lock: racing
     * events of one customer each add their weight exactly once. Gains naming a message first ask
     * which of those messages were suppressed (one query, only then).
     */
    @Override
    public void addEngagement(List<EngagementGain> gains, Instant now) {
        java.util.Set<String> suppressed = suppressedAmong(gains);
        java.util.TreeMap<String, Long> byCustomer = new java.util.TreeMap<>();
        for (EngagementGain gain : gains) {
            if (gain.messageId().filter(suppressed::contains).isEmpty()) {
                byCustomer.merge(gain.customer().toString(), (long) gain.weight(), Long::sum);
            }
        }
        if (byCustomer.isEmpty()) {
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("now", UtcTimes.utc(now));
        List<String> rows = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> entry : byCustomer.entrySet()) {
            p.put("c" + i, entry.getKey());
            p.put("w" + i, entry.getValue());
            rows.add("(:c" + i + ", :w" + i + ", :now)");
            i++;
        }
        NamedSql.update(
                em,
                "INSERT INTO customer_metrics (customer_id, engagement, computed_at) VALUES " + String.join(", ", rows)
                        + " ON DUPLICATE KEY UPDATE engagement = customer_metrics.engagement + VALUES(engagement)",
                p);
    }

    /** Which of the messages the gains name were suppressed (never sent), as the database compares ids. */
    private java.util.Set<String> suppressedAmong(List<EngagementGain> gains) {
        List<String> named = gains.stream()
                .flatMap(gain -> gain.messageId().stream())
                .distinct()
                .toList();
        if (named.isEmpty()) {
            return java.util.Set.of();
        }
        Map<String, Object> p = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            p.put("m" + i, named.get(i));
            names.add(":m" + i);
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = NamedSql.query(
                        em,
                        "SELECT id FROM message WHERE status = 'SUPPRESSED' AND id IN (" + String.join(", ", names)
                                + ")",
                        p)
                .getResultList();
        // the id's collation compares without case: so do we
        java.util.Set<String> suppressed = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        ids.forEach(id -> suppressed.add(String.valueOf(id)));
        return suppressed;
    }

    /** {@code CASE e.type WHEN ... THEN weight ... END}, the types and weights bound. */
    private static String weighted(EngagementWeights weights, Map<String, Object> parameters) {
        if (weights.weights().isEmpty()) {
            return "0";
        }
        StringBuilder sql = new StringBuilder("CASE e.type");
        int i = 0;
        for (Map.Entry<String, Integer> entry : weights.weights().entrySet()) {
            parameters.put("t" + i, entry.getKey());
            parameters.put("w" + i, entry.getValue());
            sql.append(" WHEN :t").append(i).append(" THEN :w").append(i);
            i++;
        }
        return sql.append(" ELSE 0 END").toString();
    }

    /** The events that count: of a weighted type, not about a message that was suppressed (never sent). */
    private static String countedEvents(EngagementWeights weights) {
        if (weights.weights().isEmpty()) {
            return "FALSE";
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < weights.weights().size(); i++) {
            types.add(":t" + i);
        }
        return "e.type IN (" + String.join(", ", types) + ") AND NOT EXISTS (SELECT 1 FROM message m"
                + " WHERE m.id = JSON_VALUE(e.attributes, '$.messageId') AND m.status = 'SUPPRESSED')";
    }

    @Override
    public boolean claimRebuild(Instant now, Optional<Instant> notRebuiltSince, Duration lease) {
        // only an UPDATE of the row the migrations created (V12_10): an INSERT IGNORE here made
        // racing instances deadlock on each other's shared locks
        Map<String, Object> p = new HashMap<>();
        p.put("programme", PROGRAMME);
        p.put("now", UtcTimes.utc(now));
        p.put("until", UtcTimes.utc(now.plus(lease)));
        String since = "";
        if (notRebuiltSince.isPresent()) {
            p.put("since", UtcTimes.utc(notRebuiltSince.get()));
            since = " AND rebuilt_at < :since";
        }
        return NamedSql.update(
                        em,
                        """
                        UPDATE metrics_rebuild SET started_at = :now, running_until = :until
                        WHERE programme = :programme AND (running_until IS NULL OR running_until < :now)"""
                                + since,
                        p)
                == 1;
    }

    @Override
    public ActivePopulation population(Instant now, MetricsDefinition definition) {
        Map<String, Object> p = new HashMap<>();
        p.put("now", UtcTimes.utc(now));
        p.put("start", UtcTimes.utc(definition.windowStart(now)));
        StringBuilder columns = new StringBuilder("COUNT(*)");
        for (String tile : List.of("rt, d", "ft, f", "mt, m")) {
            String[] parts = tile.split(", ");
            for (int t = 1; t <= 5; t++) {
                columns.append(", MAX(IF(x.")
                        .append(parts[0])
                        .append(" = ")
                        .append(t)
                        .append(", x.")
                        .append(parts[1])
                        .append(", NULL))");
            }
        }
        Object[] row = (Object[]) NamedSql.query(
                        em,
                        """
                        SELECT %s
                        FROM (SELECT a.d, a.f, a.m, NTILE(5) OVER (ORDER BY a.d) AS rt,
                                     NTILE(5) OVER (ORDER BY a.f) AS ft, NTILE(5) OVER (ORDER BY a.m) AS mt
                              FROM (SELECT TIMESTAMPDIFF(DAY, MAX(p.occurred_at), :now) AS d, COUNT(*) AS f,
                                           SUM(p.total_paid - p.amount_reversed) AS m
                                    FROM purchase p
                                    WHERE p.customer_id IS NOT NULL AND p.occurred_at >= :start
                                      AND p.total_paid - p.amount_reversed > 0
                                    GROUP BY p.customer_id) a) x"""
                                .formatted(columns),
                        p)
                .getSingleResult();
        long active = NativeRows.number(row[0]);
        List<List<Long>> cuts = new ArrayList<>();
        for (int metric = 0; metric < 3; metric++) {
            List<Long> maxima = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                Object value = row[1 + metric * 5 + t];
                maxima.add(value == null ? null : NativeRows.number(value));
            }
            cuts.add(RfmCuts.fromTileMaxima(maxima));
        }
        return new ActivePopulation(active, new RfmCuts(cuts.get(0), cuts.get(1), cuts.get(2)));
    }

    @Override
    public Optional<String> rebuildBatch(
            Instant start,
            Optional<String> after,
            int size,
            RfmCuts cuts,
            MetricsDefinition definition,
            Duration lease) {
        Map<String, Object> owner = new HashMap<>();
        owner.put("programme", PROGRAMME);
        owner.put("start", UtcTimes.utc(start));
        owner.put("until", UtcTimes.utc(Instant.now().plus(lease)));
        int renewed = NamedSql.update(
                em,
                """
                UPDATE metrics_rebuild SET running_until = GREATEST(running_until, :until)
                WHERE programme = :programme AND started_at = :start AND running_until IS NOT NULL""",
                owner);
        if (renewed != 1) {
            throw new MetricsRebuildRunningException();
        }
        Object[] range = (Object[]) NamedSql.query(
                        em,
                        "SELECT COUNT(*), MAX(id) FROM (SELECT id FROM customer WHERE id > :low ORDER BY id LIMIT :size) b",
                        Map.of("low", after.orElse(""), "size", size))
                .getSingleResult();
        if (NativeRows.number(range[0]) == 0) {
            return Optional.empty();
        }
        String high = (String) range[1];
        Customers customers = Customers.range(after.orElse(""), high);
        compute(customers, Optional.empty(), start, definition, cuts, true);
        reconcileBought(customers);

        Map<String, Object> p = new HashMap<>(customers.parameters());
        p.put("now", UtcTimes.utc(start));
        p.put("start", UtcTimes.utc(definition.windowStart(start)));
        // events add their weight live (addEngagement): the batch's rows are locked before their
        // events are read, so an event that added to a row before is committed and counted below,
        // and one after adds to what this batch writes (no addition lost to the recomputation)
        NamedSql.query(
                        em,
                        "SELECT customer_id FROM customer_metrics WHERE " + customers.on("customer_id") + " FOR UPDATE",
                        customers.parameters())
                .getResultList();
        NamedSql.update(
                em,
                "UPDATE customer_metrics SET engagement = 0 WHERE " + customers.on("customer_id")
                        + " AND engagement <> 0 AND computed_at <= :now",
                p);
        if (!definition.weights().weights().isEmpty()) {
            String weighted = weighted(definition.weights(), p);
            NamedSql.update(
                    em,
                    """
                    INSERT INTO customer_metrics (customer_id, engagement, computed_at)
                    SELECT e.customer_id, SUM(%s), :now
                    FROM customer_event e
                    WHERE %s AND e.occurred_at >= :start AND %s
                    GROUP BY e.customer_id
                    ON DUPLICATE KEY UPDATE engagement = VALUES(engagement)"""
                            .formatted(weighted, customers.on("e.customer_id"), countedEvents(definition.weights())),
                    p);
        }
        return Optional.of(high);
    }

    /**
     * The {@code purchase_bought} rows of these customers' purchases made to agree with their lines
     * (what the generator, a restore or a lost update left out or stale): rows no kept line names
     * deleted, the missing ones added. Reached through the customers' purchases
     * ({@code ix_purchase_customer}) and the rows' primary key.
     */
    private void reconcileBought(Customers customers) {
        Map<String, Object> p = new HashMap<>(customers.parameters());
        NamedSql.update(
                em,
                """
                DELETE b FROM purchase p JOIN purchase_bought b ON b.purchase_id = p.id
                WHERE %s AND NOT EXISTS (
                    SELECT 1 FROM purchase_line l WHERE l.purchase_id = b.purchase_id
                      AND l.quantity > l.reversed_quantity AND IF(b.kind = 'C', l.category, l.sku) = b.item)"""
                        .formatted(customers.on("p.customer_id")),
                p);
        for (String[] kind : List.of(new String[] {"C", "l.category"}, new String[] {"S", "l.sku"})) {
            NamedSql.update(
                    em,
                    """
                    INSERT INTO purchase_bought (purchase_id, kind, item, occurred_at, customer_id)
                    SELECT DISTINCT p.id, '%s', %s, p.occurred_at, p.customer_id
                    FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id
                    WHERE %s AND l.quantity > l.reversed_quantity
                    ON DUPLICATE KEY UPDATE occurred_at = VALUES(occurred_at), customer_id = VALUES(customer_id)"""
                            .formatted(kind[0], kind[1], customers.on("p.customer_id")),
                    p);
        }
    }

    @Override
    public void finishRebuild(RebuildOutcome outcome, MetricsDefinition definition) {
        Map<String, Object> p = new HashMap<>();
        p.put("programme", PROGRAMME);
        p.put("start", UtcTimes.utc(outcome.rebuiltAt()));
        p.put("months", definition.windowMonths());
        p.put("active", outcome.activeCustomers());
        p.put("r", RfmCuts.format(outcome.cuts().recency()));
        p.put("f", RfmCuts.format(outcome.cuts().frequency()));
        p.put("m", RfmCuts.format(outcome.cuts().monetary()));
        p.put("duration", outcome.durationMs());
        int finished = NamedSql.update(
                em,
                """
                UPDATE metrics_rebuild SET rebuilt_at = :start, window_months = :months, active_customers = :active,
                    recency_cuts = :r, frequency_cuts = :f, monetary_cuts = :m, duration_ms = :duration,
                    running_until = NULL
                WHERE programme = :programme AND started_at = :start AND running_until IS NOT NULL""",
                p);
        if (finished != 1) {
            throw new MetricsRebuildRunningException();
        }
        cached = new CachedCuts(outcome.cuts(), Instant.now());
    }

    @Override
    public void abandonRebuild(Instant start) {
        NamedSql.update(
                em,
                "UPDATE metrics_rebuild SET running_until = NULL WHERE programme = :programme AND started_at = :start",
                Map.of("programme", PROGRAMME, "start", UtcTimes.utc(start)));
    }

    /** The cut points live recomputations use at {@code now} (tests). */
    RfmCuts cutsAt(Instant now) {
        return currentCuts(now);
    }

    /** The cut points of the last rebuild, read again when older than a minute. */
    private RfmCuts currentCuts(Instant now) {
        CachedCuts known = cached;
        if (known != null && known.readAt().plus(CUTS_FRESH_FOR).isAfter(now)) {
            return known.cuts();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NamedSql.query(
                        em,
                        "SELECT recency_cuts, frequency_cuts, monetary_cuts FROM metrics_rebuild WHERE programme = :programme",
                        Map.of("programme", PROGRAMME))
                .getResultList();
        RfmCuts cuts = rows.isEmpty()
                ? RfmCuts.NONE
                : new RfmCuts(
                        RfmCuts.parse((String) rows.get(0)[0]),
                        RfmCuts.parse((String) rows.get(0)[1]),
                        RfmCuts.parse((String) rows.get(0)[2]));
        cached = new CachedCuts(cuts, now);
        return cuts;
    }

    @Override
    public Optional<CustomerMetrics> metrics(CustomerId customer) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NamedSql.query(
                        em,
                        """
                        SELECT first_purchase_at, last_purchase_at, frequency, monetary, average_basket,
                               visits_per_month_x100, lifetime_value, lifetime_visits, home_store, rfm_r, rfm_f, rfm_m,
                               engagement, computed_at
                        FROM customer_metrics WHERE customer_id = :customer""",
                        Map.of("customer", customer.toString()))
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new CustomerMetrics(
                        customer,
                        Optional.ofNullable(NativeRows.instant(r[0])),
                        Optional.ofNullable(NativeRows.instant(r[1])),
                        NativeRows.number(r[2]),
                        NativeRows.number(r[3]),
                        NativeRows.number(r[4]),
                        NativeRows.number(r[5]),
                        NativeRows.number(r[6]),
                        NativeRows.number(r[7]),
                        Optional.ofNullable((String) r[8]),
                        score(r[9]),
                        score(r[10]),
                        score(r[11]),
                        NativeRows.number(r[12]),
                        NativeRows.instant(r[13])));
    }

    /** One read of {@code customer_metrics} by its key per 500 customers. */
    @Override
    public Map<CustomerId, Long> averageBaskets(java.util.Collection<CustomerId> customers) {
        List<String> ids =
                customers.stream().map(CustomerId::toString).distinct().toList();
        Map<CustomerId, Long> found = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
            jakarta.persistence.Query read = em.createNativeQuery(
                    "SELECT customer_id, average_basket FROM customer_metrics WHERE customer_id IN ("
                            + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")");
            for (int i = 0; i < part.size(); i++) {
                read.setParameter(i + 1, part.get(i));
            }
            for (Object row : read.getResultList()) {
                Object[] r = (Object[]) row;
                found.put(CustomerId.parse((String) r[0]), NativeRows.number(r[1]));
            }
        }
        return found;
    }

    private static Optional<Integer> score(Object column) {
        return Optional.ofNullable(column).map(c -> ((Number) c).intValue());
    }

    @Override
    public List<CategoryMetric> categories(CustomerId customer) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NamedSql.query(
                        em,
                        """
                        SELECT m.category, c.name, m.spend, m.share_ppm, m.last_purchase_at
                        FROM customer_category_metrics m LEFT JOIN category c ON c.id = m.category
                        WHERE m.customer_id = :customer
                        ORDER BY m.spend DESC, m.last_purchase_at DESC, m.category""",
                        Map.of("customer", customer.toString()))
                .getResultList();
        return rows.stream()
                .map(r -> new CategoryMetric(
                        (String) r[0],
                        Optional.ofNullable((String) r[1]),
                        NativeRows.number(r[2]),
                        NativeRows.number(r[3]),
                        NativeRows.instant(r[4])))
                .toList();
    }

    @Override
    public List<SkuPurchase> lastPurchases(CustomerId customer, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NamedSql.query(
                        em,
                        """
                        SELECT sku, last_purchase_at FROM customer_sku_metrics WHERE customer_id = :customer
                        ORDER BY last_purchase_at DESC, sku LIMIT :limit""",
                        Map.of("customer", customer.toString(), "limit", limit))
                .getResultList();
        return rows.stream()
                .map(r -> new SkuPurchase((String) r[0], NativeRows.instant(r[1])))
                .toList();
    }
}
