package dev.loyalty.domain.wallet;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator corrected a balance by hand (an ADJUST entry). Type {@value #TYPE}.
 *
 * @param customerId the wallet's customer
 * @param sequence the entry written
 * @param delta the signed change, non-zero
 * @param reason why
 * @param reference the business key (e.g. a support ticket), or {@code null}
 * @param balanceAfter the balance right after
 * @param occurredAt when
 */
public record PointsAdjusted(
        CustomerId customerId,
        long sequence,
        long delta,
        String reason,
        String reference,
        Points balanceAfter,
        Instant occurredAt)
        implements WalletEvent {

    /** The event name. */
    public static final String TYPE = "POINTS_ADJUSTED";

    /** Checks the required components. */
    public PointsAdjusted {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
