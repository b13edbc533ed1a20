package dev.loyalty.application.customer;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: how many new contacts (each sent a code) a customer gave within their current window,
 * kept where every instance sees it and a restart does not forget it. A window opens with the first
 * contact counted and lasts {@code window}; the count is taken under a lock held until the
 * transaction ends, so two requests in parallel are counted each.
 */
@FunctionalInterface
public interface ContactChangeQuota {

    /**
     * Counts new contacts if the customer's window has room for all of them.
     *
     * @param customerId whose
     * @param contacts how many new contacts to count, at least one
     * @param limit new contacts allowed per window
     * @param window how long a window lasts
     * @param now the time of the change
     * @return empty when counted; otherwise when the full window ends (nothing counted)
     */
    Optional<Instant> take(CustomerId customerId, int contacts, int limit, Duration window, Instant now);
}
