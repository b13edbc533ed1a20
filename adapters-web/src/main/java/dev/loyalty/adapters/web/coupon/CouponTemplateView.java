package dev.loyalty.adapters.web.coupon;

import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.List;

/** A coupon template as the console lists it: what it gives, where, for how long and to whom. */
public record CouponTemplateView(
        String templateId,
        String name,
        CouponView.DiscountView discount,
        Long minSpend,
        List<String> channels,
        Instant validFrom,
        Instant validUntil,
        Integer validDays,
        Integer perCustomerLimit,
        List<String> categories,
        Long maxRedemptions,
        List<String> tiers) {

    static CouponTemplateView of(CouponTemplate template) {
        return new CouponTemplateView(
                template.id().toString(),
                template.name(),
                CouponView.DiscountView.of(template.discount()),
                template.minSpend().map(Money::cents).orElse(null),
                template.channels().stream().map(Enum::name).sorted().toList(),
                template.validFrom().orElse(null),
                template.validUntil().orElse(null),
                template.validDays().orElse(null),
                template.perCustomerLimit().orElse(null),
                template.categories().stream().sorted().toList(),
                template.maxRedemptions().orElse(null),
                template.tiers().stream().sorted().toList());
    }

    /** The templates, newest first. */
    public record TemplateList(List<CouponTemplateView> items) {}
}
