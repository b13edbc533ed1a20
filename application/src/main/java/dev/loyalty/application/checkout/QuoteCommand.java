package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.List;

/**
 * A basket to price: its store and channel, the customer if identified (by id or card, or
 * neither for an anonymous basket), its lines (one currency) and the coupon codes presented.
 *
 * @param storeId the store the basket is in
 * @param customerId the customer, or {@code null}
 * @param cardNumber the customer's card, or {@code null}
 * @param channel where the purchase happens
 * @param lines at least one, at most {@value #MAX_LINES}
 * @param couponCodes as typed or scanned, at most {@value #MAX_COUPONS}
 * @param actor who asks
 */
public record QuoteCommand(
        String storeId,
        CustomerId customerId,
        CardNumber cardNumber,
        SalesChannel channel,
        List<BasketLine> lines,
        List<String> couponCodes,
        Actor actor) {

    public static final int MAX_LINES = 500;
    public static final int MAX_COUPONS = 10;

    public QuoteCommand {
        if (storeId == null || storeId.isBlank()) {
            throw new InvalidValueException("storeId", "storeId is required");
        }
        if (channel == null) {
            throw new InvalidValueException("channel", "channel is required");
        }
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new InvalidValueException("lines", "between 1 and " + MAX_LINES + " lines are required");
        }
        lines = List.copyOf(lines);
        if (lines.stream().map(l -> l.unitPrice().currency()).distinct().count() > 1) {
            throw new InvalidValueException("lines", "all lines must be in one currency");
        }
        couponCodes = couponCodes == null ? List.of() : List.copyOf(couponCodes);
        if (couponCodes.size() > MAX_COUPONS) {
            throw new InvalidValueException("couponCodes", "at most " + MAX_COUPONS + " coupons per basket");
        }
        if (actor == null) {
            throw new InvalidValueException("actor", "actor is required");
        }
    }
}
