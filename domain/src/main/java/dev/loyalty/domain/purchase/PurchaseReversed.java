package dev.loyalty.domain.purchase;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Units of a purchase were given back (a void or a refund).
 *
 * @param purchaseId the purchase
 * @param sequence the reversal's number within the purchase, from 1
 * @param customerId the customer, or {@code null} for an anonymous purchase
 * @param lines the units given back
 * @param amount the net amount of those units
 * @param points the points to take back for them
 * @param complete whether every unit of the purchase is now given back
 * @param occurredAt when
 */
public record PurchaseReversed(
        PurchaseId purchaseId,
        int sequence,
        CustomerId customerId,
        List<LineReturn> lines,
        Money amount,
        Points points,
        boolean complete,
        Instant occurredAt)
        implements PurchaseEvent {

    /** The event name. */
    public static final String TYPE = "PURCHASE_REVERSED";

    /** Checks the components. */
    public PurchaseReversed {
        Objects.requireNonNull(purchaseId, "purchaseId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        lines = List.copyOf(lines);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
