package dev.loyalty.domain.wallet;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Objects;

/**
 * Earned points reached their expiry unspent and left the balance (an EXPIRE entry).
 * Type {@value #TYPE}.
 *
 * @param customerId the wallet's customer
 * @param sequence the entry written
 * @param points the points that expired, positive
 * @param balanceAfter the balance right after
 * @param occurredAt when
 */
public record PointsExpired(
        CustomerId customerId, long sequence, Points points, Points balanceAfter, Instant occurredAt)
        implements WalletEvent {

    /** The event name. */
    public static final String TYPE = "POINTS_EXPIRED";

    /** Checks the required components. */
    public PointsExpired {
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
