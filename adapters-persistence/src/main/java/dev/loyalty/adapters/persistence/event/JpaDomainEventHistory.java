package dev.loyalty.adapters.persistence.event;

import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.shared.DomainEventHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads {@code domain_event} by aggregate (its index: aggregate, id). */
@ApplicationScoped
public class JpaDomainEventHistory implements DomainEventHistory {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaDomainEventHistory() {}

    /** For tests outside the container. */
    public JpaDomainEventHistory(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Recorded> of(String aggregateId, int limit) {
        List<?> rows = em.createNativeQuery(
                        "SELECT type, occurred_at FROM domain_event WHERE aggregate_id = ? ORDER BY id LIMIT ?")
                .setParameter(1, aggregateId)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(row -> new Recorded((String) row[0], NativeRows.instant(row[1])))
                .toList();
    }
}
