package dev.loyalty.adapters.persistence.privacy;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.privacy.PersonalRecords;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The export's records of activity, read as stored, one query per kind, the latest {@code limit} rows. */
@ApplicationScoped
public class SqlPersonalRecords implements PersonalRecords {

    /** Per kind: its columns and its query (each {@code ?} is the customer). */
    private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put(
                "events",
                new Section(
                        List.of("eventId", "type", "source", "storeId", "occurredAt", "receivedAt", "attributes"),
                        "SELECT event_id, type, source, store_id, occurred_at, received_at, attributes FROM customer_event"
                                + " WHERE customer_id = ? ORDER BY id DESC"));
        SECTIONS.put(
                "messages",
                new Section(
                        List.of(
                                "messageId",
                                "channel",
                                "kind",
                                "template",
                                "values",
                                "status",
                                "reason",
                                "createdAt",
                                "sentAt"),
                        "SELECT id, channel, kind, template, template_values, status, reason, created_at, sent_at FROM message"
                                + " WHERE customer_id = ? ORDER BY created_at DESC"));
        SECTIONS.put(
                "messageHistory",
                new Section(
                        List.of("messageId", "status", "detail", "occurredAt"),
                        "SELECT s.message_id, s.status, s.detail, s.occurred_at FROM message_status s JOIN message m"
                                + " ON m.id = s.message_id WHERE m.customer_id = ? ORDER BY s.id DESC"));
        SECTIONS.put(
                "missionSteps",
                new Section(
                        List.of("missionId", "mission", "cycle", "amount", "occurredAt"),
                        "SELECT s.mission_id, m.name, s.cycle, s.amount, s.occurred_at FROM mission_step s JOIN mission m"
                                + " ON m.id = s.mission_id WHERE s.customer_id = ? ORDER BY s.id DESC"));
        SECTIONS.put(
                "missionCompletions",
                new Section(
                        List.of("missionId", "mission", "cycle", "points", "completedAt"),
                        "SELECT c.mission_id, m.name, c.cycle, c.points, c.completed_at FROM mission_completion c JOIN mission m"
                                + " ON m.id = c.mission_id WHERE c.customer_id = ? ORDER BY c.id DESC"));
        SECTIONS.put(
                "referrals",
                new Section(
                        List.of("referrerId", "referredId", "status", "reason", "createdAt", "completedAt"),
                        "SELECT referrer_id, referred_id, status, reason, created_at, completed_at FROM referral"
                                + " WHERE referrer_id = ? OR referred_id = ? ORDER BY id DESC"));
        SECTIONS.put(
                "ruleVerdicts",
                new Section(
                        List.of("ruleId", "ruleVersion", "eventId", "evaluatedAt", "outcome", "reasons"),
                        "SELECT r.rule_id, r.rule_version, e.event_id, r.evaluated_at, r.outcome, r.reasons FROM rule_evaluation r"
                                + " LEFT JOIN customer_event e ON e.id = r.event_row_id WHERE r.customer_id = ? ORDER BY r.id DESC"));
        SECTIONS.put(
                "tierActivity",
                new Section(
                        List.of("month", "netSpend", "pointsEarned"),
                        "SELECT month, net_spend, points_earned FROM tier_qualifying WHERE customer_id = ? ORDER BY month DESC"));
        SECTIONS.put(
                "couponConflicts",
                new Section(
                        List.of(
                                "code",
                                "purchaseId",
                                "storeId",
                                "discount",
                                "currency",
                                "occurredAt",
                                "recordedAt",
                                "firstRedemption"),
                        "SELECT code, purchase_id, store_id, discount_cents, currency, occurred_at, recorded_at,"
                                + " first_redemption FROM coupon_conflict WHERE customer_id = ? ORDER BY id DESC"));
        SECTIONS.put(
                "pendingPoints",
                new Section(
                        List.of("purchaseId", "step", "points", "reason", "postAt", "occurredAt"),
                        "SELECT purchase_id, step, points, reason, post_at, occurred_at FROM pending_points_step"
                                + " WHERE customer_id = ? ORDER BY id DESC"));
    }

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlPersonalRecords() {}

    /** For tests outside the container. */
    public SqlPersonalRecords(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<String, List<Map<String, String>>> of(CustomerId id, int limit) {
        Map<String, List<Map<String, String>>> records = new LinkedHashMap<>();
        SECTIONS.forEach((name, section) -> {
            var query = em.createNativeQuery(section.sql() + " LIMIT " + limit);
            long parameters = section.sql().chars().filter(c -> c == '?').count();
            for (int p = 1; p <= parameters; p++) {
                query.setParameter(p, id.toString());
            }
            List<?> rows = query.getResultList();
            List<Map<String, String>> out = new ArrayList<>(rows.size());
            for (Object raw : rows) {
                Object[] row = raw instanceof Object[] values ? values : new Object[] {raw};
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < section.columns().size(); i++) {
                    values.put(section.columns().get(i), text(row[i]));
                }
                out.add(values);
            }
            Collections.reverse(out);
            records.put(name, out);
        });
        return records;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime time) {
            return UtcTimes.instant(time).toString();
        }
        if (value instanceof java.sql.Timestamp time) {
            return UtcTimes.instant(time.toLocalDateTime()).toString();
        }
        return value.toString();
    }

    private record Section(List<String> columns, String sql) {}
}
