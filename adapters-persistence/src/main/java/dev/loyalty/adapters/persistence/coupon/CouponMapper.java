package dev.loyalty.adapters.persistence.coupon;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Translates coupon templates and coupons to and from their rows. */
final class CouponMapper {

    private static final String AMOUNT_OFF = "AMOUNT_OFF";
    private static final String PERCENT_OFF = "PERCENT_OFF";

    private CouponMapper() {}

    static CouponTemplateJpaEntity toRow(CouponTemplate template, Currency programmeCurrency, Instant now) {
        CouponTemplateJpaEntity row = new CouponTemplateJpaEntity();
        row.id = template.id().toString();
        row.name = template.name();
        if (template.discount() instanceof Discount.AmountOff amount) {
            row.discountType = AMOUNT_OFF;
            row.discountValue = amount.amount().cents();
            row.currency = amount.amount().currency().getCurrencyCode();
        } else {
            row.discountType = PERCENT_OFF;
            row.discountValue = ((Discount.PercentOff) template.discount()).percent();
            row.currency = template.minSpend()
                    .map(Money::currency)
                    .orElse(programmeCurrency)
                    .getCurrencyCode();
        }
        row.minSpend = template.minSpend().map(Money::cents).orElse(null);
        row.channels = template.channels().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        row.validFrom = UtcTimes.utc(template.validFrom().orElse(null));
        row.validUntil = UtcTimes.utc(template.validUntil().orElse(null));
        row.validDays = template.validDays().orElse(null);
        row.perCustomerLimit = template.perCustomerLimit().orElse(null);
        row.categories = String.join(",", new TreeSet<>(template.categories()));
        row.maxRedemptions = template.maxRedemptions().orElse(null);
        row.createdAt = UtcTimes.utc(now);
        row.tiers = String.join("\n", new TreeSet<>(template.tiers()));
        return row;
    }

    static CouponTemplate toDomain(CouponTemplateJpaEntity row) {
        Discount discount = AMOUNT_OFF.equals(row.discountType)
                ? new Discount.AmountOff(Money.of(row.discountValue, row.currency))
                : new Discount.PercentOff((int) row.discountValue);
        return CouponTemplate.define(
                        new CouponTemplateId(UUID.fromString(row.id)),
                        row.name,
                        discount,
                        row.minSpend == null ? null : Money.of(row.minSpend, row.currency),
                        Arrays.stream(row.channels.split(","))
                                .map(SalesChannel::valueOf)
                                .collect(Collectors.toSet()),
                        UtcTimes.instant(row.validFrom),
                        UtcTimes.instant(row.validUntil),
                        row.validDays,
                        row.perCustomerLimit,
                        row.categories.isEmpty() ? Set.of() : Set.of(row.categories.split(",")),
                        row.maxRedemptions)
                .withTiers(row.tiers == null || row.tiers.isEmpty() ? Set.of() : Set.of(row.tiers.split("\n")));
    }

    static CouponJpaEntity toRow(Coupon coupon, Instant issuedAt) {
        CouponJpaEntity row = new CouponJpaEntity();
        row.code = coupon.code().value();
        row.templateId = coupon.templateId().toString();
        row.customerId = coupon.owner().map(CustomerId::toString).orElse(null);
        row.status = coupon.status().name();
        row.validFrom = UtcTimes.utc(coupon.validFrom());
        row.validUntil = UtcTimes.utc(coupon.validUntil());
        row.redemptionReference = coupon.redemptionReference().orElse(null);
        row.issuedAt = UtcTimes.utc(issuedAt);
        return row;
    }

    static Coupon toDomain(CouponJpaEntity row) {
        Coupon coupon = Coupon.reconstitute(
                CouponCode.parse(row.code),
                new CouponTemplateId(UUID.fromString(row.templateId)),
                row.customerId == null ? null : CustomerId.parse(row.customerId),
                CouponStatus.valueOf(row.status),
                UtcTimes.instant(row.validFrom),
                UtcTimes.instant(row.validUntil),
                row.redemptionReference);
        return row.valueCents == null
                ? coupon
                : coupon.withOwnFigures(new Coupon.OwnFigures(
                        row.valueCents,
                        row.minSpendCents == null ? 0 : row.minSpendCents,
                        java.util.Optional.ofNullable(row.category)));
    }
}
