package dev.loyalty.application.shared;

import java.time.Instant;
import java.util.List;

/** Driven port: reading back the events appended to the {@link DomainEventLog}, per aggregate. */
public interface DomainEventHistory {

    /**
     * @param aggregateId the aggregate (a coupon's code, a customer's id...)
     * @param limit how many
     * @return its events, oldest first
     */
    List<Recorded> of(String aggregateId, int limit);

    /**
     * An event as recorded.
     *
     * @param type its type
     * @param occurredAt when
     */
    record Recorded(String type, Instant occurredAt) {}
}
