package dev.loyalty.adapters.persistence.privacy;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.privacy.ExpiredData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The retention purge in MariaDB: {@code DELETE ... LIMIT} by age. A customer's event goes only
 * once reacted to; its mission steps and verdicts keep their own rows (a mission's progress and a
 * once-per-customer rule do not change); a verdict goes only if it fired nothing; a message keeps
 * its row (the pressure caps and campaign statistics count it) and loses its text.
 */
@ApplicationScoped
public class SqlExpiredData implements ExpiredData {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlExpiredData() {}

    /** For tests outside the container. */
    public SqlExpiredData(EntityManager em) {
        this.em = em;
    }

    @Override
    public int deleteProspectEvents(Instant before, int batch) {
        return run("DELETE FROM customer_event WHERE customer_id IS NULL AND received_at < ? LIMIT " + batch, before);
    }

    @Override
    public int deleteEvents(Instant before, int batch) {
        return run(
                "DELETE FROM customer_event WHERE customer_id IS NOT NULL AND occurred_at < ? AND react_due_at IS NULL"
                        + " LIMIT " + batch,
                before);
    }

    @Override
    public int deleteVerdicts(Instant before, int batch) {
        return run(
                "DELETE FROM rule_evaluation WHERE evaluated_at < ? AND outcome NOT IN ('FIRED', 'PARTIAL') LIMIT "
                        + batch,
                before);
    }

    @Override
    public int deleteMessageHistory(Instant before, int batch) {
        return run("DELETE FROM message_status WHERE occurred_at < ? LIMIT " + batch, before);
    }

    @Override
    public int eraseMessageTexts(Instant before, int batch) {
        return run(
                "UPDATE message SET template = '(expired)', template_values = '{}' WHERE created_at < ?"
                        + " AND status <> 'QUEUED' AND template <> '(expired)'"
                        + " LIMIT " + batch,
                before);
    }

    private int run(String sql, Instant before) {
        return em.createNativeQuery(sql).setParameter(1, UtcTimes.utc(before)).executeUpdate();
    }
}
