package dev.loyalty.adapters.persistence.replenishment;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.campaign.ReplenishmentTarget;
import dev.loyalty.application.campaign.ReplenishmentTargets;
import dev.loyalty.application.messaging.MessagingSettings;
import dev.loyalty.domain.campaign.Replenishment;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replenishment targets in one statement per page over {@code customer_sku_metrics} (the last
 * purchase per customer and SKU, read by its index {@code (sku, last_purchase_at)}).
 *
 * <p>On day {@code D} (in the programme's zone) a customer is due for product P when their last
 * purchase of P fell on a day between {@code D - due - CATCH_UP_DAYS} and {@code D - due}, where
 * {@code due = consumptionDays - leadDays} (at least one day): the day the offer is meant for,
 * or up to {@value #CATCH_UP_DAYS} days before it, so that a daily run missed (a stopped service)
 * is caught up by the next, while a campaign that starts today offers nothing for purchases
 * older than that. "Not bought since" is the last purchase itself; for {@code CROSS_SELL} the
 * customer must also not have bought anything of the proposed category since (its {@code
 * customer_category_metrics} row). The proposed category is the product's own for {@code SAME},
 * the first category its category cross-sells to for {@code CROSS_SELL} (a product whose
 * category maps none is left out). Products are those named by SKU or by category that have a
 * consumption period.
 *
 * <p>A customer due for several products gets one target per product, each its own purchase
 * cycle ({@code occasion = <sku>@<day of the last purchase>}), so that a campaign offers each
 * cycle once however many runs see it (the catch-up window shows it on up to eight days); the
 * messaging's pressure caps decide how many of them reach the customer. A page holds every target
 * of up to {@code limit} customers, so that the next page, after the last customer's id, misses
 * none.
 */
@ApplicationScoped
public class SqlReplenishmentTargets implements ReplenishmentTargets {

    /** How many days after the day meant for it a purchase cycle is still offered. */
    public static final int CATCH_UP_DAYS = 7;

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private MessagingSettings settings;

    private ZoneId zone;

    protected SqlReplenishmentTargets() {}

    /** For tests outside the container. */
    public SqlReplenishmentTargets(EntityManager em, ZoneId zone) {
        this.em = em;
        this.zone = zone;
    }

    @Override
    public List<ReplenishmentTarget> due(
            Replenishment replenishment, LocalDate day, String afterCustomerId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        ZoneId programme = zone();
        Map<String, Product> products = products(replenishment, day, programme);
        if (products.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        String due = dueRows(products, replenishment.propose(), parameters);
        parameters.add(afterCustomerId);
        Query query = em.createNativeQuery("WITH due AS (" + due + " AND m.customer_id > ?),"
                + " page AS (SELECT DISTINCT customer_id FROM due ORDER BY customer_id LIMIT " + limit + ")"
                + " SELECT due.customer_id, due.sku, due.last_purchase_at FROM due JOIN page"
                + " ON page.customer_id = due.customer_id ORDER BY due.customer_id, due.sku");
        bind(query, parameters);
        List<ReplenishmentTarget> targets = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            Product product = products.get(String.valueOf(columns[1]));
            Instant last = NativeRows.instant(columns[2]);
            targets.add(new ReplenishmentTarget(
                    CustomerId.parse(String.valueOf(columns[0])),
                    product.sku(),
                    product.category(),
                    last,
                    product.proposed(),
                    occasion(product.sku(), last, programme)));
        }
        return targets;
    }

    @Override
    public long count(Replenishment replenishment, LocalDate day) {
        Map<String, Product> products = products(replenishment, day, zone());
        if (products.isEmpty()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>();
        Query query = em.createNativeQuery(
                "SELECT COUNT(*) FROM (" + dueRows(products, replenishment.propose(), parameters) + ") due");
        bind(query, parameters);
        return NativeRows.number(query.getSingleResult());
    }

    /**
     * The due rows of {@code customer_sku_metrics m}: one range of the index {@code (sku,
     * last_purchase_at)} per product (and for CROSS_SELL no purchase of the proposed category since).
     */
    private static String dueRows(
            Map<String, Product> products, Replenishment.Proposal propose, List<Object> parameters) {
        StringBuilder ranges = new StringBuilder();
        for (Product product : products.values()) {
            ranges.append(ranges.length() == 0 ? "" : " OR ")
                    .append("(m.sku = ? AND m.last_purchase_at >= ? AND m.last_purchase_at < ?");
            parameters.add(product.sku());
            parameters.add(UtcTimes.utc(product.from()));
            parameters.add(UtcTimes.utc(product.until()));
            if (propose == Replenishment.Proposal.CROSS_SELL) {
                ranges.append(" AND NOT EXISTS (SELECT 1 FROM customer_category_metrics c"
                        + " WHERE c.customer_id = m.customer_id AND c.category = ?"
                        + " AND c.last_purchase_at > m.last_purchase_at)");
                parameters.add(product.proposed());
            }
            ranges.append(')');
        }
        return "SELECT m.customer_id, m.sku, m.last_purchase_at FROM customer_sku_metrics m WHERE (" + ranges + ")";
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }

    /** The purchase cycle: the SKU and the day (in the programme's zone) of its last purchase. */
    static String occasion(String sku, Instant lastPurchaseAt, ZoneId zone) {
        return sku + "@" + LocalDate.ofInstant(lastPurchaseAt, zone);
    }

    /** The campaign's products with a consumption period, each with its window of last purchases. */
    @SuppressWarnings("unchecked")
    private Map<String, Product> products(Replenishment replenishment, LocalDate day, ZoneId programme) {
        List<String> named = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!replenishment.skus().isEmpty()) {
            named.add("p.sku IN (" + marks(replenishment.skus().size()) + ")");
            parameters.addAll(replenishment.skus());
        }
        if (!replenishment.categories().isEmpty()) {
            named.add("p.category IN (" + marks(replenishment.categories().size()) + ")");
            parameters.addAll(replenishment.categories());
        }
        Query query = em.createNativeQuery("SELECT p.sku, p.category, p.consumption_days, k.cross_sell"
                + " FROM product p LEFT JOIN category k ON k.id = p.category"
                + " WHERE p.consumption_days > 0 AND (" + String.join(" OR ", named) + ") ORDER BY p.sku");
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        Map<String, Product> products = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            String sku = String.valueOf(row[0]);
            String category = String.valueOf(row[1]);
            Optional<String> proposed = replenishment.propose() == Replenishment.Proposal.SAME
                    ? Optional.of(category)
                    : firstCrossSell((String) row[3]);
            if (proposed.isEmpty()) {
                continue;
            }
            long due = Math.max(1, NativeRows.number(row[2]) - replenishment.leadDays());
            LocalDate latest = day.minusDays(due);
            products.put(
                    sku,
                    new Product(
                            sku,
                            category,
                            proposed.get(),
                            latest.minusDays(CATCH_UP_DAYS)
                                    .atStartOfDay(programme)
                                    .toInstant(),
                            latest.plusDays(1).atStartOfDay(programme).toInstant()));
        }
        return products;
    }

    private static Optional<String> firstCrossSell(String crossSell) {
        if (crossSell == null) {
            return Optional.empty();
        }
        return crossSell.lines().map(String::strip).filter(id -> !id.isEmpty()).findFirst();
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private ZoneId zone() {
        return zone != null ? zone : settings.zoneOf(Optional.empty());
    }

    /** A product of the campaign: last purchases in {@code [from, until)} are due on the day. */
    private record Product(String sku, String category, String proposed, Instant from, Instant until) {}
}
