package dev.loyalty.domain.purchase;

import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.shared.Money;
import java.util.Objects;

/**
 * One line of a recorded purchase: what was sold, the coupon discount allocated to it, the exact
 * points it earned and how many of its units have been given back since. Invariants: numbered from
 * 1; discount in the line's currency, zero or more; earned millionths zero or more; reversed
 * quantity between zero and the quantity.
 *
 * @param number the line's position on the receipt, from 1
 * @param line the product, category, quantity and unit price
 * @param discount the coupon discounts allocated to the line
 * @param earnedMillionths the exact points the line earned, in millionths of a point
 * @param reversedQuantity the units given back so far
 */
public record PurchaseLine(int number, BasketLine line, Money discount, long earnedMillionths, int reversedQuantity) {

    /** Validates the line. */
    public PurchaseLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(discount, "discount");
        if (number < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
        if (discount.isNegative()
                || !discount.currency().equals(line.unitPrice().currency())) {
            throw new IllegalArgumentException("a line's discount is zero or more, in its currency");
        }
        if (earnedMillionths < 0) {
            throw new IllegalArgumentException("a line earns zero points or more");
        }
        if (reversedQuantity < 0 || reversedQuantity > line.quantity()) {
            throw new IllegalArgumentException(
                    "line " + number + " has " + line.quantity() + " units, not " + reversedQuantity + " reversed");
        }
    }

    /** @return what was paid for the line: its total less its discount, never below zero */
    public Money net() {
        Money net = line.total().minus(discount);
        return net.isNegative() ? Money.zero(net.currency()) : net;
    }

    /** @return the units not given back yet */
    public int remainingQuantity() {
        return line.quantity() - reversedQuantity;
    }

    /** @return this line with {@code units} more given back */
    PurchaseLine withReversed(int units) {
        return new PurchaseLine(number, line, discount, earnedMillionths, reversedQuantity + units);
    }
}
