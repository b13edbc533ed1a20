package dev.loyalty.adapters.web.checkout;

import dev.loyalty.application.checkout.Quote;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Money;
import java.util.List;

/**
 * A quote as the till shows it: each coupon APPLICABLE with its discount or REJECTED with a code
 * and why, the totals in cents and the points the purchase would earn. Never what a receipt would
 * print: a customer's waiting print blocks (coupon codes among them) are for the receipt of their
 * purchase, not for whoever asks for a quote with their card number.
 */
public record QuoteView(String customerId, List<CouponLine> coupons, Totals totals, long pointsToEarn) {

    static QuoteView of(Quote quote) {
        return new QuoteView(
                quote.customerId().map(CustomerId::toString).orElse(null),
                quote.coupons().stream().map(CouponLine::of).toList(),
                new Totals(
                        quote.gross().cents(),
                        quote.discount().cents(),
                        quote.net().cents(),
                        quote.gross().currency().getCurrencyCode()),
                quote.points().points().value());
    }

    /** One coupon's verdict; {@code code} and {@code detail} only when rejected. */
    public record CouponLine(String couponCode, String status, Long discount, String code, String detail) {

        static CouponLine of(Quote.CouponVerdict verdict) {
            return verdict.applicable()
                    ? new CouponLine(
                            verdict.couponCode(),
                            "APPLICABLE",
                            verdict.discount().map(Money::cents).orElseThrow(),
                            null,
                            null)
                    : new CouponLine(verdict.couponCode(), "REJECTED", null, verdict.rejectionCode(), verdict.detail());
        }
    }

    /** The basket before discounts, the discounts, and what is paid, in cents. */
    public record Totals(long gross, long discount, long net, String currency) {}
}
