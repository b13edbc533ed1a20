package dev.loyalty.adapters.persistence.event;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.operations.CommittedCounts;
import dev.loyalty.adapters.persistence.sql.NativeInsert;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.domain.shared.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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

    /** Events by type, once committed; absent outside the container. */
    @Inject
    private CommittedCounts counts;

    protected JpaDomainEventLog() {}

    public JpaDomainEventLog(EntityManager em) {
        this.em = em;
    }

    /** Appended only, never read back in the transaction: a row, not a managed entity. */
    private static final NativeInsert EVENT =
            new NativeInsert("domain_event", "event_id", "type", "aggregate_id", "occurred_at", "payload");

    /** @return the event's payload as appended (for statements that append many events set-based) */
    public static String json(DomainEvent event) {
        return JSON.toJson(event);
    }

    @Override
    public void append(DomainEvent event) {
        appendAll(List.of(event));
    }

    /** One statement for all of them. */
    @Override
    public void appendAll(List<? extends DomainEvent> events) {
        EVENT.rows(
                em,
                events.stream()
                        .map(event -> new Object[] {
                            UUID.randomUUID().toString(),
                            event.type(),
                            event.aggregateId(),
                            UtcTimes.utc(event.occurredAt()),
                            json(event)
                        })
                        .toList());
        if (counts != null) {
            events.forEach(event -> counts.add("loyalty_domain_events", "type", event.type(), 1));
        }
    }
}
