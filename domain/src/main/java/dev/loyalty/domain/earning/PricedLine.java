package dev.loyalty.domain.earning;

import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.DiscountAllocation;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A basket line with the part of the coupon discounts allocated to it (the sum of its parts of
 * every applied {@link DiscountAllocation}). Invariants: the discount is in the line's currency and
 * not negative; it may exceed the line's total, in which case the line's net is zero.
 *
 * @param line the basket line
 * @param discount the coupon discounts allocated to it, zero or more
 */
public record PricedLine(BasketLine line, Money discount) {

    /** Validates the discount against the line. */
    public PricedLine {
        Objects.requireNonNull(line, "line");
        if (discount == null || discount.isNegative()) {
            throw new InvalidValueException("discount", "discount must not be negative");
        }
        if (!discount.currency().equals(line.unitPrice().currency())) {
            throw new InvalidValueException("currency", "discount and line are in different currencies");
        }
    }

    /**
     * @param line a basket line with no coupon discount
     * @return the line with a zero discount
     */
    public static PricedLine undiscounted(BasketLine line) {
        return new PricedLine(
                line,
                Money.zero(Objects.requireNonNull(line, "line").unitPrice().currency()));
    }

    /**
     * @param lines the basket lines, in order
     * @param discounts the discount of each line, in the same order (e.g. {@link
     *     DiscountAllocation#parts()})
     * @return the lines paired with their discounts
     * @throws IllegalArgumentException when the two lists differ in size
     */
    public static List<PricedLine> pair(List<BasketLine> lines, List<Money> discounts) {
        if (lines.size() != discounts.size()) {
            throw new IllegalArgumentException(
                    lines.size() + " lines but " + discounts.size() + " discounts; they must be parallel");
        }
        List<PricedLine> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            priced.add(new PricedLine(lines.get(i), discounts.get(i)));
        }
        return List.copyOf(priced);
    }

    /** @return what the customer pays for the line: its total less its discount, never below zero */
    public Money net() {
        Money net = line.total().minus(discount);
        return net.isNegative() ? Money.zero(net.currency()) : net;
    }
}
