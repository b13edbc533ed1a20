package dev.loyalty.domain.coupon;

import dev.loyalty.domain.shared.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A coupon's discount spread over the lines of a basket, one part per line in line order.
 * Only lines of the coupon's categories (all lines when the set is empty) get a share,
 * proportional to their totals; each share is first rounded down to the cent, then the cents
 * left over go one each to the lines with the largest remainders, ties to the earlier line.
 * Invariant: the parts are never negative and sum exactly to the discount.
 *
 * @param discount the whole discount
 * @param parts the share of each line, in the order of the lines
 */
public record DiscountAllocation(Money discount, List<Money> parts) {

    /** Validates that the parts add up to the discount. */
    public DiscountAllocation {
        Objects.requireNonNull(discount, "discount");
        parts = List.copyOf(parts);
        Money sum = Money.zero(discount.currency());
        for (Money part : parts) {
            if (part.isNegative()) {
                throw new IllegalArgumentException("a part is negative: " + part);
            }
            sum = sum.plus(part);
        }
        if (!sum.equals(discount)) {
            throw new IllegalArgumentException("parts sum to " + sum + ", not to the discount " + discount);
        }
    }

    /**
     * @param discount the discount to spread, at most the total of the eligible lines
     * @param lines the basket lines, in order
     * @param categories the categories the coupon is restricted to; empty for all
     * @return one part per line
     * @throws IllegalArgumentException when the discount exceeds the eligible total
     */
    public static DiscountAllocation of(Money discount, List<BasketLine> lines, Set<String> categories) {
        Objects.requireNonNull(discount, "discount");
        long[] weights = new long[lines.size()];
        long eligibleTotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            BasketLine line = lines.get(i);
            if (!line.unitPrice().currency().equals(discount.currency())) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not in " + discount.currency());
            }
            if (categories.isEmpty() || categories.contains(line.category())) {
                weights[i] = line.total().cents();
                eligibleTotal = Math.addExact(eligibleTotal, weights[i]);
            }
        }
        if (discount.isNegative() || discount.cents() > eligibleTotal) {
            throw new IllegalArgumentException("cannot spread " + discount + " over eligible lines worth "
                    + new Money(eligibleTotal, discount.currency()));
        }
        long[] cents = new long[lines.size()];
        long[] remainders = new long[lines.size()];
        long left = discount.cents();
        for (int i = 0; i < lines.size(); i++) {
            if (weights[i] > 0) {
                long exact = Math.multiplyExact(discount.cents(), weights[i]);
                cents[i] = exact / eligibleTotal;
                remainders[i] = exact % eligibleTotal;
                left -= cents[i];
            }
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.<Integer>comparingLong(i -> remainders[i])
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; left > 0; k++, left--) {
            cents[byRemainder.get(k)]++;
        }
        List<Money> parts = new ArrayList<>();
        for (long part : cents) {
            parts.add(new Money(part, discount.currency()));
        }
        return new DiscountAllocation(discount, parts);
    }
}
