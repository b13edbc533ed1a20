package dev.loyalty.domain.earning;

import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one basket line contributes to the points of a purchase, before the single rounding of the
 * total: its net amount, whether its category is excluded, the category and tier multipliers
 * applied, and the exact points in millionths of a point. Invariants: the net is not negative; an
 * excluded line contributes nothing; the multipliers are not negative.
 *
 * @param line the basket line
 * @param discount the coupon discounts allocated to it
 * @param net what was paid for it: its total less the discount, never below zero
 * @param excluded whether its category earns nothing under the rules
 * @param categoryMultiplierPercent the multiplier of its category in percent (100 when none)
 * @param tierMultiplierPercent the customer's tier multiplier in percent (100 when none)
 * @param millionths the exact points it earns, in millionths of a point
 */
public record LineEarning(
        BasketLine line,
        Money discount,
        Money net,
        boolean excluded,
        int categoryMultiplierPercent,
        int tierMultiplierPercent,
        long millionths) {

    /** Validates the contribution. */
    public LineEarning {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(net, "net");
        if (net.isNegative() || millionths < 0 || categoryMultiplierPercent < 0 || tierMultiplierPercent < 0) {
            throw new IllegalArgumentException("a line earning is never negative");
        }
        if (excluded && millionths != 0) {
            throw new IllegalArgumentException("an excluded line earns nothing");
        }
    }

    /** @return the exact points of the line, e.g. {@code 0.990000} for 0.99 EUR at one point per euro */
    public BigDecimal exactPoints() {
        return BigDecimal.valueOf(millionths, 6);
    }
}
