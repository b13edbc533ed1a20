package dev.loyalty.domain.coupon;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A coupon presented on a purchase, with everything the {@link CouponPolicy policies} need to
 * judge it. The redemption counts are read by the application (under a lock when the purchase
 * will redeem) from stored redemptions; this record only carries them. Invariants: the coupon was
 * issued from the template; the eligible basket is zero or more, in the currency of the
 * template's minimum spend and amount off; the counts are zero or more.
 *
 * @param coupon the coupon presented
 * @param template the template it was issued from
 * @param customer the identified customer, or {@code null} for an anonymous purchase
 * @param channel where the purchase happens
 * @param at when the purchase happens
 * @param eligibleBasket the total of the basket lines in the template's categories (all lines when
 *     it has none)
 * @param customerRedemptionsOfTemplate how many coupons of this template the customer has redeemed
 *     (0 for an anonymous purchase)
 * @param templateRedemptions how many coupons of this template have been redeemed by anyone
 * @param customerTier the customer's tier before the purchase, or {@code null} when there is none
 *     (no tier programme, or an anonymous purchase)
 */
public record CouponUse(
        Coupon coupon,
        CouponTemplate template,
        CustomerId customer,
        SalesChannel channel,
        Instant at,
        Money eligibleBasket,
        long customerRedemptionsOfTemplate,
        long templateRedemptions,
        String customerTier) {

    /** Validates the use. */
    public CouponUse {
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eligibleBasket, "eligibleBasket");
        if (!coupon.templateId().equals(template.id())) {
            throw new IllegalArgumentException(
                    "coupon " + coupon.code() + " was not issued from template " + template.id());
        }
        if (eligibleBasket.isNegative()) {
            throw new IllegalArgumentException("eligible basket " + eligibleBasket + " is negative");
        }
        template.minSpend().ifPresent(minSpend -> sameCurrency(eligibleBasket, minSpend));
        if (template.discount() instanceof Discount.AmountOff off) {
            sameCurrency(eligibleBasket, off.amount());
        }
        if (customerRedemptionsOfTemplate < 0 || templateRedemptions < 0) {
            throw new IllegalArgumentException("redemption counts must not be negative");
        }
    }

    /** A use without tier: no tier programme, or an anonymous purchase. */
    public CouponUse(
            Coupon coupon,
            CouponTemplate template,
            CustomerId customer,
            SalesChannel channel,
            Instant at,
            Money eligibleBasket,
            long customerRedemptionsOfTemplate,
            long templateRedemptions) {
        this(
                coupon,
                template,
                customer,
                channel,
                at,
                eligibleBasket,
                customerRedemptionsOfTemplate,
                templateRedemptions,
                null);
    }

    /**
     * A use whose eligible basket is computed from the lines: the total of those the template
     * applies to ({@link CouponTemplate#appliesTo}).
     *
     * @param coupon the coupon presented
     * @param template the template it was issued from
     * @param customer the identified customer, or {@code null} for an anonymous purchase
     * @param channel where the purchase happens
     * @param at when the purchase happens
     * @param lines the basket, at least one line, all in one currency
     * @param customerRedemptionsOfTemplate the customer's redemptions of the template
     * @param templateRedemptions all redemptions of the template
     * @return the use
     * @throws InvalidValueException (field {@code lines}) for an empty basket
     */
    public static CouponUse ofBasket(
            Coupon coupon,
            CouponTemplate template,
            CustomerId customer,
            SalesChannel channel,
            Instant at,
            List<BasketLine> lines,
            long customerRedemptionsOfTemplate,
            long templateRedemptions) {
        return ofBasket(
                coupon,
                template,
                customer,
                channel,
                at,
                lines,
                customerRedemptionsOfTemplate,
                templateRedemptions,
                null);
    }

    /**
     * As {@link #ofBasket(Coupon, CouponTemplate, CustomerId, SalesChannel, Instant, List, long, long)},
     * for a customer in a tier.
     *
     * @param customerTier the customer's tier before the purchase, or {@code null} for none
     * @return the use
     */
    public static CouponUse ofBasket(
            Coupon coupon,
            CouponTemplate template,
            CustomerId customer,
            SalesChannel channel,
            Instant at,
            List<BasketLine> lines,
            long customerRedemptionsOfTemplate,
            long templateRedemptions,
            String customerTier) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidValueException("lines", "a basket has at least one line");
        }
        Money eligible = Money.zero(lines.get(0).unitPrice().currency());
        for (BasketLine line : lines) {
            sameCurrency(eligible, line.unitPrice());
            if (template.appliesTo(line)) {
                eligible = eligible.plus(line.total());
            }
        }
        return new CouponUse(
                coupon,
                template,
                customer,
                channel,
                at,
                eligible,
                customerRedemptionsOfTemplate,
                templateRedemptions,
                customerTier);
    }

    private static void sameCurrency(Money basket, Money other) {
        if (!basket.currency().equals(other.currency())) {
            throw new IllegalArgumentException(
                    "the basket is in " + basket.currency() + ", the coupon in " + other.currency());
        }
    }

    /** @return the identified customer; empty for an anonymous purchase */
    public Optional<CustomerId> identifiedCustomer() {
        return Optional.ofNullable(customer);
    }
}
