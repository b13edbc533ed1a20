package dev.loyalty.domain.purchase;

import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A purchase was recorded: the facts rules and missions react to (who, where, which categories,
 * how much was paid, what was earned).
 *
 * @param purchaseId the purchase
 * @param storeId the store
 * @param receiptId the store's receipt
 * @param customerId the customer, or {@code null} for an anonymous purchase
 * @param channel STORE or ONLINE
 * @param lines what was sold, with each line's net
 * @param net what the lines came to after coupon discounts
 * @param totalPaid what the till says was paid
 * @param couponCodes the coupons redeemed
 * @param pointsAwarded the points earned
 * @param occurredAt when the purchase happened
 */
public record PurchaseRecorded(
        PurchaseId purchaseId,
        String storeId,
        String receiptId,
        CustomerId customerId,
        SalesChannel channel,
        List<Line> lines,
        Money net,
        Money totalPaid,
        List<String> couponCodes,
        Points pointsAwarded,
        Instant occurredAt)
        implements PurchaseEvent {

    /** The event name. */
    public static final String TYPE = "PURCHASE_RECORDED";

    /** Checks the components. */
    public PurchaseRecorded {
        Objects.requireNonNull(purchaseId, "purchaseId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        lines = List.copyOf(lines);
        couponCodes = List.copyOf(couponCodes);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * One line as rules see it.
     *
     * @param sku the product
     * @param category its category
     * @param quantity how many
     * @param net what was paid for the line
     */
    public record Line(String sku, String category, int quantity, Money net) {}
}
