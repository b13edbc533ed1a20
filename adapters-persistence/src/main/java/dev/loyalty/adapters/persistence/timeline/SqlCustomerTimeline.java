package dev.loyalty.adapters.persistence.timeline;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.timeline.CustomerTimeline;
import dev.loyalty.application.timeline.TimelineEntry;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's events, ledger entries, pending-points steps, coupons, messages, tier changes and current answers,
 * each read by its
 * (customer, time) index and cut to the page size, merged newest first.
 */
@ApplicationScoped
public class SqlCustomerTimeline implements CustomerTimeline {

    private static final String EVENTS = "SELECT occurred_at, 'EVENT', type, source, event_id, attributes, NULL"
            + " FROM customer_event WHERE customer_id = ? AND occurred_at < ? ORDER BY occurred_at DESC LIMIT ?";
    private static final String POINTS = "SELECT occurred_at, 'POINTS', type, reason, reference,"
            + " CAST(points AS CHAR), CAST(debt AS CHAR) FROM wallet_entry WHERE customer_id = ? AND occurred_at < ?"
            + " ORDER BY occurred_at DESC LIMIT ?";
    private static final String COUPONS = "SELECT c.issued_at, 'COUPON', 'COUPON_ISSUED', t.name, c.code, c.status,"
            + " DATE_FORMAT(c.valid_until, '%Y-%m-%dT%H:%i:%sZ') FROM coupon c JOIN coupon_template t"
            + " ON t.id = c.template_id WHERE c.customer_id = ? AND c.issued_at < ? ORDER BY c.issued_at DESC LIMIT ?";
    private static final String MESSAGES = "SELECT created_at, 'MESSAGE', kind, COALESCE(channel, requested_channel,"
            + " 'PREFERRED'), id, status, reason FROM message WHERE customer_id = ? AND created_at < ?"
            + " ORDER BY created_at DESC LIMIT ?";

    private static final String TIERS = "SELECT occurred_at, 'TIER', 'TIER_CHANGED', from_tier, reference, to_tier,"
            + " CONCAT(cause, COALESCE(CONCAT(':', reason), '')) FROM tier_change WHERE customer_id = ?"
            + " AND occurred_at < ? ORDER BY occurred_at DESC LIMIT ?";

    private static final String ANSWERS = "SELECT answered_at, 'ANSWER', 'QUESTION_ANSWERED', question_id, question_id,"
            + " value, NULL FROM customer_answer WHERE customer_id = ? AND answered_at < ?"
            + " ORDER BY answered_at DESC LIMIT ?";

    /** The steps of pending transfers (issue 18): PENDING when held, POSTED when credited, VOIDED when taken. */
    private static final String PENDING = "SELECT occurred_at, 'PENDING_POINTS', step, reason, purchase_id,"
            + " CAST(points AS CHAR), DATE_FORMAT(post_at, '%Y-%m-%dT%H:%i:%sZ') FROM pending_points_step"
            + " WHERE customer_id = ? AND occurred_at < ? ORDER BY occurred_at DESC LIMIT ?";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlCustomerTimeline() {}

    /** For tests outside the container. */
    public SqlCustomerTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<TimelineEntry> of(CustomerId customerId, Instant before, int limit) {
        List<TimelineEntry> merged = new ArrayList<>();
        for (String sql : List.of(EVENTS, POINTS, COUPONS, MESSAGES, TIERS, ANSWERS, PENDING)) {
            List<?> rows = em.createNativeQuery(sql)
                    .setParameter(1, customerId.toString())
                    .setParameter(2, UtcTimes.utc(before))
                    .setParameter(3, limit)
                    .getResultList();
            rows.forEach(raw -> merged.add(entry((Object[]) raw)));
        }
        merged.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return merged.subList(0, Math.min(limit, merged.size()));
    }

    private static TimelineEntry entry(Object[] row) {
        Instant at = NativeRows.instant(row[0]);
        String kind = (String) row[1];
        String type = (String) row[2];
        String a = (String) row[3];
        String ref = (String) row[4];
        String b = (String) row[5];
        String c = (String) row[6];
        Map<String, Object> details = new LinkedHashMap<>();
        String summary;
        switch (kind) {
            case "EVENT" -> {
                details.putAll(NativeRows.attributes(b));
                details.put("source", a);
                summary = type + " (" + a.toLowerCase(java.util.Locale.ROOT) + ")";
            }
            case "POINTS" -> {
                long points = Long.parseLong(b);
                long debt = Long.parseLong(c);
                details.put("points", points);
                details.put("reason", a);
                if (debt != 0) {
                    details.put("debt", debt);
                }
                summary = type + " " + points + " points (" + a + ")" + (debt != 0 ? ", debt " + debt : "");
            }
            case "MESSAGE" -> {
                details.put("channel", a);
                details.put("status", b);
                if (c != null) {
                    details.put("reason", c);
                }
                summary = type.toLowerCase(java.util.Locale.ROOT) + " message by " + a + ", " + b
                        + (c != null ? " (" + c + ")" : "");
            }
            case "TIER" -> {
                String[] why = c.split(":", 2);
                details.put("from", a);
                details.put("to", b);
                details.put("cause", why[0]);
                if (why.length > 1) {
                    details.put("reason", why[1]);
                }
                summary = "tier " + a + " -> " + b + " (" + why[0].toLowerCase(java.util.Locale.ROOT) + ")";
            }
            case "PENDING_POINTS" -> {
                long points = Long.parseLong(b);
                details.put("points", points);
                details.put("reason", a);
                details.put("purchaseId", ref);
                details.put("postAt", c);
                summary = switch (type) {
                    case "PENDING" -> points + " points pending until " + c + " (" + a + ")";
                    case "POSTED" -> points + " pending points posted (" + a + ")";
                    default -> points + " pending points voided (" + a + ")";
                };
            }
            case "ANSWER" -> {
                details.put("question", a);
                details.put("value", b);
                summary = "answered " + a + ": " + b;
            }
            default -> {
                details.put("template", a);
                details.put("status", b);
                details.put("validUntil", c);
                summary = "coupon " + ref + " issued (" + a + "), now " + b;
            }
        }
        return new TimelineEntry(at, kind, type, summary, ref, details);
    }
}
