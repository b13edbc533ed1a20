package dev.loyalty.adapters.persistence.event;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.domain.shared.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Appends domain events to {@code domain_event} in the caller's transaction: an event exists if
 * and only if the change that caused it was committed.
 */
@ApplicationScoped
public class JpaDomainEventLog implements DomainEventLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaDomainEventLog() {}

    public JpaDomainEventLog(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(DomainEvent event) {
        DomainEventJpaEntity row = new DomainEventJpaEntity();
        row.eventId = UUID.randomUUID().toString();
        row.type = event.type();
        row.aggregateId = event.aggregateId();
        row.occurredAt = UtcTimes.utc(event.occurredAt());
        row.payload = JSON.toJson(event);
        em.persist(row);
    }
}
