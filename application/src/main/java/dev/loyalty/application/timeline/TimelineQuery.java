package dev.loyalty.application.timeline;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driving port: the console reads a customer's history, page by page. */
public interface TimelineQuery {

    /**
     * @param before only entries strictly before this (the {@code at} of the last entry of the
     *     previous page), or empty for the newest
     * @return a page of the customer's history, newest first (administrators)
     */
    List<TimelineEntry> timeline(CustomerId customerId, Optional<Instant> before, int limit, Actor actor);
}
