package dev.loyalty.application.checkout;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * A purchase to record: the basket of a quote plus its receipt, when it happened and what was
 * paid.
 *
 * @param basket the store, customer, channel, lines and coupons (as for a quote)
 * @param receiptId the store's receipt, unique per store
 * @param occurredAt when it happened: at most 5 minutes ahead of the service's clock, at most 30
 *     days behind it
 * @param totalPaid what the till says was paid
 * @param offline whether a till recorded it offline and uploads it later: accepted up to the
 *     programme's offline age, earning by the tier in force at {@code occurredAt}, its coupons
 *     judged at {@code occurredAt}, and a coupon already redeemed meanwhile is a conflict (the
 *     discount a loss), not a refusal
 * @param postAt until when its points are to stay pending (issue 18), or {@code null} for the
 *     programme's rule (an ONLINE purchase's points are pending for {@code LOYALTY_PENDING_DAYS})
 */
public record RecordPurchaseCommand(
        QuoteCommand basket, String receiptId, Instant occurredAt, Money totalPaid, boolean offline, Instant postAt) {

    /** A purchase recorded as it happens (not offline). */
    public RecordPurchaseCommand(QuoteCommand basket, String receiptId, Instant occurredAt, Money totalPaid) {
        this(basket, receiptId, occurredAt, totalPaid, false);
    }

    /** A purchase without its own {@code postAt}. */
    public RecordPurchaseCommand(
            QuoteCommand basket, String receiptId, Instant occurredAt, Money totalPaid, boolean offline) {
        this(basket, receiptId, occurredAt, totalPaid, offline, null);
    }

    /**
     * @param value whether the till recorded it offline and uploads it later
     * @return this purchase, flagged so
     */
    public RecordPurchaseCommand offline(boolean value) {
        return new RecordPurchaseCommand(basket, receiptId, occurredAt, totalPaid, value, postAt);
    }

    /**
     * @param until until when its points stay pending, or {@code null}
     * @return this purchase with its {@code postAt}
     */
    public RecordPurchaseCommand postAt(Instant until) {
        return new RecordPurchaseCommand(basket, receiptId, occurredAt, totalPaid, offline, until);
    }

    /** Validates what the basket does not. */
    public RecordPurchaseCommand {
        if (basket == null) {
            throw new InvalidValueException("lines", "a purchase has a basket");
        }
        if (occurredAt == null) {
            throw new InvalidValueException("occurredAt", "occurredAt is required");
        }
        if (totalPaid == null) {
            throw new InvalidValueException("totalPaid", "totalPaid is required");
        }
    }

    /** Shorthand for a purchase's fields. */
    public static RecordPurchaseCommand of(
            String storeId,
            String receiptId,
            Instant occurredAt,
            CustomerId customerId,
            CardNumber cardNumber,
            SalesChannel channel,
            List<BasketLine> lines,
            List<String> couponCodes,
            Money totalPaid,
            Actor actor) {
        return new RecordPurchaseCommand(
                new QuoteCommand(storeId, customerId, cardNumber, channel, lines, couponCodes, actor),
                receiptId,
                occurredAt,
                totalPaid);
    }
}
