package dev.loyalty.domain.wallet;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Objects;

/**
 * Points were spent (a BURN entry); the oldest unexpired earnings were consumed first.
 * Type {@value #TYPE}.
 *
 * @param customerId the wallet's customer
 * @param sequence the entry written
 * @param points the points spent, positive
 * @param reason why
 * @param reference the business key of the spending (e.g. a reward claim), or {@code null}
 * @param balanceAfter the balance right after
 * @param occurredAt when
 */
public record PointsBurned(
        CustomerId customerId,
        long sequence,
        Points points,
        String reason,
        String reference,
        Points balanceAfter,
        Instant occurredAt)
        implements WalletEvent {

    /** The event name. */
    public static final String TYPE = "POINTS_BURNED";

    /** Checks the required components. */
    public PointsBurned {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
