package dev.loyalty.adapters.persistence.rule;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.rule.Evaluation;
import dev.loyalty.application.rule.RuleEvaluations;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.rule.RuleId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every rule's verdict on every event, in {@code rule_evaluation}; unique per (rule, event). */
@ApplicationScoped
public class JpaRuleEvaluations implements RuleEvaluations {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaRuleEvaluations() {}

    /** For tests outside the container. */
    public JpaRuleEvaluations(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean record(Evaluation evaluation) {
        return em.createNativeQuery("INSERT IGNORE INTO rule_evaluation (rule_id, rule_version, event_row_id,"
                                + " customer_id, evaluated_at, outcome, reasons) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .setParameter(1, evaluation.ruleId().toString())
                        .setParameter(2, evaluation.ruleVersion())
                        .setParameter(3, evaluation.eventRowId())
                        .setParameter(4, evaluation.customerId().toString())
                        .setParameter(5, UtcTimes.utc(evaluation.evaluatedAt()))
                        .setParameter(6, evaluation.outcome().name())
                        .setParameter(7, NativeRows.toJsonArray(evaluation.reasons()))
                        .executeUpdate()
                == 1;
    }

    /**
     * A batch's verdicts (ten rules on fifty events: 3,500 values) in a multi-row INSERT IGNORE on
     * the transaction's own connection: bound through EclipseLink, each positional parameter is
     * looked up in a list, and that lookup took three quarters of the reactions' CPU.
     */
    private static final NativeInsert VERDICTS = NativeInsert.ignoring(
            "rule_evaluation",
            "rule_id",
            "rule_version",
            "event_row_id",
            "customer_id",
            "evaluated_at",
            "outcome",
            "reasons");

    /** One multi-row INSERT IGNORE: an event's verdicts cost one round trip instead of one each. */
    @Override
    public void recordAll(List<Evaluation> evaluations) {
        List<Object[]> rows = new ArrayList<>(evaluations.size());
        for (Evaluation evaluation : evaluations) {
            rows.add(new Object[] {
                evaluation.ruleId().toString(),
                evaluation.ruleVersion(),
                evaluation.eventRowId(),
                evaluation.customerId().toString(),
                UtcTimes.utc(evaluation.evaluatedAt()),
                evaluation.outcome().name(),
                NativeRows.toJsonArray(evaluation.reasons())
            });
        }
        VERDICTS.rows(em, rows);
    }

    @Override
    public boolean hasFired(RuleId ruleId, CustomerId customerId) {
        return !em.createNativeQuery("SELECT 1 FROM rule_evaluation WHERE customer_id = ? AND rule_id = ?"
                        + " AND outcome IN ('FIRED', 'PARTIAL') LIMIT 1")
                .setParameter(1, customerId.toString())
                .setParameter(2, ruleId.toString())
                .getResultList()
                .isEmpty();
    }

    /** One query (the customer index serves it). */
    @Override
    public java.util.Set<Fired> firedAmong(
            java.util.Collection<RuleId> ruleIds, java.util.Collection<CustomerId> customerIds) {
        java.util.Set<Fired> fired = new java.util.HashSet<>();
        if (ruleIds.isEmpty() || customerIds.isEmpty()) {
            return fired;
        }
        List<String> customers =
                customerIds.stream().map(CustomerId::toString).distinct().toList();
        List<String> rules = ruleIds.stream().map(RuleId::toString).distinct().toList();
        var query =
                em.createNativeQuery("SELECT DISTINCT rule_id, customer_id FROM rule_evaluation WHERE customer_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(customers.size(), "?")) + ") AND rule_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(rules.size(), "?"))
                        + ") AND outcome IN ('FIRED', 'PARTIAL')");
        int p = 1;
        for (String customer : customers) {
            query.setParameter(p++, customer);
        }
        for (String rule : rules) {
            query.setParameter(p++, rule);
        }
        for (Object raw : query.getResultList()) {
            Object[] row = (Object[]) raw;
            fired.add(new Fired(new RuleId(UUID.fromString((String) row[0])), CustomerId.parse((String) row[1])));
        }
        return fired;
    }

    @Override
    public List<Evaluation> of(RuleId ruleId, Optional<CustomerId> customerId, Optional<Instant> before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT r.rule_id, r.rule_version, r.event_row_id, e.event_id, e.type,"
                + " e.occurred_at, r.customer_id, r.evaluated_at, r.outcome, r.reasons"
                + " FROM rule_evaluation r JOIN customer_event e ON e.id = r.event_row_id WHERE r.rule_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(ruleId.toString()));
        customerId.ifPresent(id -> {
            sql.append(" AND r.customer_id = ?");
            parameters.add(id.toString());
        });
        before.ifPresent(at -> {
            sql.append(" AND r.evaluated_at <= ?");
            parameters.add(UtcTimes.utc(at));
        });
        sql.append(" ORDER BY r.id DESC LIMIT ?");
        parameters.add(limit);
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<?> rows = query.getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(row -> new Evaluation(
                        new RuleId(UUID.fromString((String) row[0])),
                        NativeRows.number(row[1]),
                        NativeRows.number(row[2]),
                        (String) row[3],
                        (String) row[4],
                        NativeRows.instant(row[5]),
                        CustomerId.parse((String) row[6]),
                        NativeRows.instant(row[7]),
                        Evaluation.Outcome.valueOf((String) row[8]),
                        NativeRows.array((String) row[9]).getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .toList()))
                .toList();
    }
}
