package dev.loyalty.adapters.web.coupon;

import dev.loyalty.application.coupon.MyCouponsQuery.HeldCoupon;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.List;

/** A coupon as the app shows it: its code, state, validity and what it gives. */
public record CouponView(
        String code,
        String printableCode,
        String name,
        String status,
        Instant validFrom,
        Instant validUntil,
        DiscountView discount,
        Long minSpend,
        List<String> channels,
        List<String> categories) {

    public static CouponView of(HeldCoupon held) {
        var coupon = held.coupon();
        var template = held.template();
        return new CouponView(
                coupon.code().value(),
                coupon.code().printable(),
                template.name(),
                coupon.status().name(),
                coupon.validFrom(),
                coupon.validUntil(),
                DiscountView.of(template.discount()),
                template.minSpend().map(Money::cents).orElse(null),
                template.channels().stream().map(Enum::name).sorted().toList(),
                template.categories().stream().sorted().toList());
    }

    /** The discount: {@code AMOUNT_OFF} in cents with its currency, or {@code PERCENT_OFF}. */
    public record DiscountView(String type, long value, String currency) {

        static DiscountView of(Discount discount) {
            if (discount instanceof Discount.AmountOff amount) {
                return new DiscountView(
                        "AMOUNT_OFF",
                        amount.amount().cents(),
                        amount.amount().currency().getCurrencyCode());
            }
            return new DiscountView("PERCENT_OFF", ((Discount.PercentOff) discount).percent(), null);
        }
    }
}
