package dev.loyalty.application.timeline;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The console's view of a customer's history: events, points, coupons (and messages, tiers), newest first. */
@ApplicationScoped
public class TimelineService implements TimelineQuery {

    /** The most entries one page holds. */
    public static final int MAX_LIMIT = 200;

    private final CustomerTimeline timeline;
    private final Customers customers;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected TimelineService() {
        this(null, null, null);
    }

    @Inject
    public TimelineService(CustomerTimeline timeline, Customers customers, Clock clock) {
        this.timeline = timeline;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * @param before only entries strictly before this (the {@code at} of the last entry of the
     *     previous page), or empty for the newest
     * @return a page of the customer's history, newest first
     */
    @Override
    public List<TimelineEntry> timeline(CustomerId customerId, Optional<Instant> before, int limit, Actor actor) {
        actor.requireAdmin("the timeline is the console's");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit is between 1 and " + MAX_LIMIT);
        }
        if (!customers.exists(customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
        return timeline.of(customerId, before.orElse(clock.instant().plusSeconds(3600)), limit);
    }
}
