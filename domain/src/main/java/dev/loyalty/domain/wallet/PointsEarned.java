package dev.loyalty.domain.wallet;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Objects;

/**
 * Points were credited to a wallet (an EARN entry). Type {@value #TYPE}.
 *
 * @param customerId the wallet's customer
 * @param sequence the entry written
 * @param points the points earned, positive
 * @param reason why
 * @param reference the business key of the earning (e.g. a purchase id)
 * @param expiresAt when these points expire, or {@code null} for never
 * @param balanceAfter the balance right after
 * @param occurredAt when
 */
public record PointsEarned(
        CustomerId customerId,
        long sequence,
        Points points,
        String reason,
        String reference,
        Instant expiresAt,
        Points balanceAfter,
        Instant occurredAt)
        implements WalletEvent {

    /** The event name. */
    public static final String TYPE = "POINTS_EARNED";

    /** Checks the required components. */
    public PointsEarned {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
