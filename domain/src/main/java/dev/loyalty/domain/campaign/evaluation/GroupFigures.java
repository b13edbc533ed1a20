package dev.loyalty.domain.campaign.evaluation;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What one group (treatment or control) did in its attribution windows. A member is one row of
 * {@code campaign_member} (a customer in several occasions counts once per occasion). Revenue is in
 * cents; {@code revenueSquares} is the sum over members of the square of each member's revenue, kept
 * exact so that the sample variance has no overflow and no cancellation.
 *
 * @param customers members of the group
 * @param responders members with at least one attributed purchase
 * @param revenue the attributed purchases' revenue, cents (paid less reversed)
 * @param revenueSquares the sum of each member's revenue squared
 * @param purchases attributed purchases
 */
public record GroupFigures(long customers, long responders, long revenue, BigInteger revenueSquares, long purchases) {

    /** A group without members. */
    public static final GroupFigures EMPTY = new GroupFigures(0, 0, 0, BigInteger.ZERO, 0);

    public GroupFigures {
        if (customers < 0 || responders < 0 || purchases < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
        if (responders > customers) {
            throw new IllegalArgumentException("responders (" + responders + ") are members (" + customers + ")");
        }
        if (revenueSquares == null || revenueSquares.signum() < 0) {
            throw new IllegalArgumentException("the sum of squares is not negative");
        }
        if (customers == 0 && (revenue != 0 || revenueSquares.signum() != 0 || purchases != 0)) {
            throw new IllegalArgumentException("an empty group has no revenue");
        }
    }

    /** @return the figures of members whose revenues are the given cents (tests and small groups) */
    public static GroupFigures ofRevenues(long responders, long purchases, long... revenues) {
        long sum = 0;
        BigInteger squares = BigInteger.ZERO;
        for (long r : revenues) {
            sum = Math.addExact(sum, r);
            squares = squares.add(BigInteger.valueOf(r).multiply(BigInteger.valueOf(r)));
        }
        return new GroupFigures(revenues.length, responders, sum, squares, purchases);
    }

    public long nonResponders() {
        return customers - responders;
    }

    /** @return responders / customers; empty for an empty group */
    public Optional<Double> conversionRate() {
        return customers == 0 ? Optional.empty() : Optional.of((double) responders / customers);
    }

    /** @return revenue / customers, cents; empty for an empty group */
    public Optional<Double> revenuePerCustomer() {
        return customers == 0 ? Optional.empty() : Optional.of((double) revenue / customers);
    }

    /** @return revenue / attributed purchases, cents; empty without a purchase */
    public Optional<Double> averageBasket() {
        return purchases == 0 ? Optional.empty() : Optional.of((double) revenue / purchases);
    }

    /**
     * The sample variance of revenue per member, (Σx² - (Σx)²/n) / (n - 1), computed exactly as
     * (nΣx² - (Σx)²) / (n(n - 1)).
     *
     * @return empty below two members (undefined)
     */
    public Optional<Double> revenueVariance() {
        if (customers < 2) {
            return Optional.empty();
        }
        BigInteger n = BigInteger.valueOf(customers);
        BigInteger sum = BigInteger.valueOf(revenue);
        BigInteger numerator = n.multiply(revenueSquares).subtract(sum.multiply(sum));
        if (numerator.signum() < 0) {
            throw new IllegalArgumentException("the sum of squares is below what the sum allows");
        }
        BigInteger denominator = n.multiply(n.subtract(BigInteger.ONE));
        return Optional.of(new java.math.BigDecimal(numerator)
                .divide(new java.math.BigDecimal(denominator), java.math.MathContext.DECIMAL64)
                .doubleValue());
    }
}
