package dev.loyalty.domain.wallet;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Objects;

/**
 * Points earned under a reference were taken back (a REVERSE entry). When the balance was too
 * low, it was clawed back to zero and the shortfall is the {@code debt}. Type {@value #TYPE}.
 *
 * @param customerId the wallet's customer
 * @param sequence the entry written
 * @param reference the earning reversed
 * @param points the points actually taken from the balance
 * @param debt the points that should have been taken back but could not (zero when none)
 * @param reason why
 * @param balanceAfter the balance right after
 * @param occurredAt when
 */
public record PointsReversed(
        CustomerId customerId,
        long sequence,
        String reference,
        Points points,
        Points debt,
        String reason,
        Points balanceAfter,
        Instant occurredAt)
        implements WalletEvent {

    /** The event name. */
    public static final String TYPE = "POINTS_REVERSED";

    /** Checks the required components. */
    public PointsReversed {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(debt, "debt");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
