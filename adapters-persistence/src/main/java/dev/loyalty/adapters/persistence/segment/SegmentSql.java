package dev.loyalty.adapters.persistence.segment;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.segment.AgeBand;
import dev.loyalty.domain.segment.Attribute;
import dev.loyalty.domain.segment.Comparison;
import dev.loyalty.domain.segment.Condition;
import dev.loyalty.domain.segment.Metric;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A condition (its inSegment nodes already expanded) compiled to the {@code FROM ... WHERE} of one
 * query over {@code customer c}: every leaf is a fixed SQL fragment picked by the node's enums,
 * every value a bound parameter, and every fragment is true or false, never NULL (so that {@code
 * NOT} is the plain complement). Erased customers are left out. Days are whole days before
 * {@code now}: "n days ago" is the instants in {@code (now - (n+1) days, now - n days]}.
 *
 * @param from {@code FROM} clause with the joins the condition needs
 * @param where the {@code WHERE} clause (without the keyword)
 * @param parameters the values of the {@code ?} in order
 */
record SegmentSql(String from, String where, List<Object> parameters) {

    private static final Duration DAY = Duration.ofDays(1);

    /** @return the compiled condition, as of {@code now}, for a query over many customers */
    static SegmentSql compile(Condition condition, Instant now) {
        return compile(condition, now, false);
    }

    /**
     * @return the compiled condition, as of {@code now}, for a query that names one customer
     *     ({@code c.id = ?}): what is read per customer is reached through that customer
     */
    static SegmentSql compileForOne(Condition condition, Instant now) {
        return compile(condition, now, true);
    }

    private static SegmentSql compile(Condition condition, Instant now, boolean oneCustomer) {
        Builder builder = new Builder(now, oneCustomer);
        String where = "NOT (c.first_name = ? AND c.email IS NULL AND c.phone IS NULL)";
        List<Object> parameters = new ArrayList<>();
        parameters.add(Customer.ERASED_NAME);
        String compiled = builder.node(condition);
        parameters.addAll(builder.parameters);
        String from = "customer c" + (builder.metrics ? " LEFT JOIN customer_metrics m ON m.customer_id = c.id" : "");
        return new SegmentSql(from, where + " AND " + compiled, parameters);
    }

    private static final class Builder {
        private final Instant now;
        private final LocalDate today;
        private final List<Object> parameters = new ArrayList<>();
        private final boolean oneCustomer;
        private boolean metrics;

        Builder(Instant now, boolean oneCustomer) {
            this.now = now;
            this.oneCustomer = oneCustomer;
            this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        String node(Condition condition) {
            if (condition instanceof Condition.All all) {
                return join(all.conditions(), " AND ");
            }
            if (condition instanceof Condition.Any any) {
                return join(any.conditions(), " OR ");
            }
            if (condition instanceof Condition.Not not) {
                return "(NOT " + node(not.condition()) + ")";
            }
            if (condition instanceof Condition.MetricIs metric) {
                return metric(metric);
            }
            if (condition instanceof Condition.Bought bought) {
                return bought(bought);
            }
            if (condition instanceof Condition.AttributeIn attribute) {
                return attribute(attribute);
            }
            if (condition instanceof Condition.HasConsent consent) {
                parameters.add(consent.purpose().name());
                return "EXISTS (SELECT 1 FROM customer_consent k WHERE k.customer_id = c.id AND k.purpose = ?"
                        + " AND k.granted AND NOT EXISTS (SELECT 1 FROM customer_consent k2"
                        + " WHERE k2.customer_id = k.customer_id AND k2.purpose = k.purpose"
                        + " AND k2.position > k.position))";
            }
            if (condition instanceof Condition.InTier tier) {
                parameters.add(tier.tier());
                return "(COALESCE((SELECT t.tier FROM customer_tier t WHERE t.customer_id = c.id),"
                        + " (SELECT l.name FROM tier_level l WHERE l.position = 0)) <=> ?)";
            }
            if (condition instanceof Condition.Answered answered) {
                parameters.add(answered.question());
                return "EXISTS (SELECT 1 FROM customer_answer a WHERE a.customer_id = c.id AND a.question_id = ?"
                        + " AND a.value IN (" + values(answered.values()) + "))";
            }
            throw new IllegalArgumentException("inSegment must be expanded before compiling: " + condition);
        }

        private String join(List<Condition> conditions, String operator) {
            List<String> parts = new ArrayList<>();
            for (Condition c : conditions) {
                parts.add(node(c));
            }
            return "(" + String.join(operator, parts) + ")";
        }

        private String metric(Condition.MetricIs m) {
            if (m.metric() == Metric.RECENCY_DAYS) {
                metrics = true;
                return "(m.last_purchase_at IS NOT NULL AND " + daysAgo("m.last_purchase_at", m.op(), m.from(), m.to())
                        + ")";
            }
            String column;
            switch (m.metric()) {
                case FREQUENCY -> column = "COALESCE(m.frequency, 0)";
                case MONETARY -> column = "COALESCE(m.monetary, 0)";
                case AVERAGE_BASKET -> column = "COALESCE(m.average_basket, 0)";
                case LIFETIME_VALUE -> column = "COALESCE(m.lifetime_value, 0)";
                case ENGAGEMENT -> column = "COALESCE(m.engagement, 0)";
                case VISITS_PER_MONTH -> column = "COALESCE(m.visits_per_month_x100, 0)";
                case RFM_R -> column = "m.rfm_r";
                case RFM_F -> column = "m.rfm_f";
                case RFM_M -> column = "m.rfm_m";
                case CATEGORY_SHARE -> column = null;
                default -> throw new IllegalArgumentException(m.metric().name());
            }
            String comparison;
            if (m.metric() == Metric.CATEGORY_SHARE) {
                parameters.add(m.category().orElseThrow());
                comparison = "COALESCE((SELECT s.share_ppm FROM customer_category_metrics s"
                        + " WHERE s.customer_id = c.id AND s.category = ?), 0) " + op(m.op());
            } else {
                metrics = true;
                comparison = column + " " + op(m.op());
            }
            parameters.add(m.from());
            if (m.op() == Comparison.BETWEEN) {
                parameters.add(m.to());
            }
            return m.metric().unknownWithoutPurchase()
                    ? "(" + column + " IS NOT NULL AND " + comparison + ")"
                    : "(" + comparison + ")";
        }

        private static String op(Comparison op) {
            return switch (op) {
                case LT -> "< ?";
                case LTE -> "<= ?";
                case GT -> "> ?";
                case GTE -> ">= ?";
                case EQ -> "= ?";
                case BETWEEN -> "BETWEEN ? AND ?";
            };
        }

        /** Whole days before now of {@code column} compared: as a range of instants (index friendly). */
        private String daysAgo(String column, Comparison op, long from, long to) {
            switch (op) {
                case LT -> {
                    return after(column, from);
                }
                case LTE -> {
                    return after(column, from + 1);
                }
                case GT -> {
                    return atOrBefore(column, from + 1);
                }
                case GTE -> {
                    return atOrBefore(column, from);
                }
                case EQ -> {
                    return after(column, from + 1) + " AND " + atOrBefore(column, from);
                }
                default -> {
                    return after(column, to + 1) + " AND " + atOrBefore(column, from);
                }
            }
        }

        private String after(String column, long days) {
            parameters.add(UtcTimes.utc(now.minus(DAY.multipliedBy(days))));
            return column + " > ?";
        }

        private String atOrBefore(String column, long days) {
            parameters.add(UtcTimes.utc(now.minus(DAY.multipliedBy(days))));
            return column + " <= ?";
        }

        /**
         * From {@code purchase_bought} (V14_1): for a population, an uncorrelated {@code IN} over
         * the item's rows of the window in {@code ix_purchase_bought_item} order (read once, no
         * receipt line); for one customer, a correlated {@code EXISTS} through its purchases
         * ({@code ix_purchase_customer}) and the rows' primary key, so that a rule's check never
         * reads a whole category. "Not since": the item's last purchase is in the window. The
         * column is never NULL, so either form is true or false.
         */
        private String bought(Condition.Bought b) {
            String kind = b.item() == Condition.Item.CATEGORY ? "C" : "S";
            Optional<Condition.DayRange> window = b.daysAgo();
            if (oneCustomer) {
                String exists = "EXISTS (SELECT 1 FROM purchase p JOIN purchase_bought b ON b.purchase_id = p.id"
                        + " AND b.kind = ? AND b.item = ? WHERE p.customer_id = c.id";
                parameters.add(kind);
                parameters.add(b.value());
                if (window.isEmpty()) {
                    return exists + ")";
                }
                String sql =
                        exists + " AND " + after("p.occurred_at", window.get().to() + 1) + " AND "
                                + atOrBefore("p.occurred_at", window.get().from()) + ")";
                if (b.notSince()) {
                    parameters.add(kind);
                    parameters.add(b.value());
                    sql = "(" + sql + " AND NOT " + exists + " AND "
                            + after("p.occurred_at", window.get().from()) + "))";
                }
                return sql;
            }
            parameters.add(kind);
            parameters.add(b.value());
            String in = "c.id IN (SELECT b.customer_id FROM purchase_bought b WHERE b.kind = ? AND b.item = ?";
            if (window.isEmpty()) {
                return in + ")";
            }
            String since = after("b.occurred_at", window.get().to() + 1);
            if (b.notSince()) {
                return in + " AND " + since + " GROUP BY b.customer_id HAVING "
                        + atOrBefore("MAX(b.occurred_at)", window.get().from()) + ")";
            }
            return in + " AND " + since + " AND "
                    + atOrBefore("b.occurred_at", window.get().from()) + ")";
        }

        private String attribute(Condition.AttributeIn a) {
            if (a.attribute() == Attribute.AGE_BAND) {
                List<String> bands = new ArrayList<>();
                for (String label : new TreeSet<>(a.values())) {
                    AgeBand band = AgeBand.byLabel(label).orElseThrow();
                    parameters.add(java.sql.Date.valueOf(band.bornAfter(today)));
                    parameters.add(java.sql.Date.valueOf(band.bornOnOrBefore(today)));
                    bands.add("(c.birth_date > ? AND c.birth_date <= ?)");
                }
                return "(c.birth_date IS NOT NULL AND (" + String.join(" OR ", bands) + "))";
            }
            String column;
            switch (a.attribute()) {
                case CITY -> column = "c.city";
                case PROVINCE -> column = "c.province";
                case GENDER -> column = "c.gender";
                case ENROLMENT_CHANNEL -> column = "c.enrolment_channel";
                case HOME_STORE -> {
                    metrics = true;
                    column = "m.home_store";
                }
                default -> throw new IllegalArgumentException(a.attribute().name());
            }
            return "(" + column + " IS NOT NULL AND " + column + " IN (" + values(a.values()) + "))";
        }

        private String values(java.util.Set<String> values) {
            List<String> sorted = new ArrayList<>(new TreeSet<>(values));
            parameters.addAll(sorted);
            return String.join(", ", Collections.nCopies(sorted.size(), "?"));
        }
    }
}
