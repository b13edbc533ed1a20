package dev.loyalty.application.timeline;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.List;

/** Driven port: a customer's history merged from every part of the programme. */
public interface CustomerTimeline {

    /**
     * @param customerId the customer
     * @param before only what happened strictly before this instant
     * @param limit how many
     * @return the entries, newest first
     */
    List<TimelineEntry> of(CustomerId customerId, Instant before, int limit);
}
