package dev.loyalty.domain.earning;

import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How many points a purchase earns under one version of the rules. Each line earns on its net
 * amount (total less its coupon discounts, never below zero): nothing when its category is
 * excluded, otherwise {@code net cents x pointsPerCurrencyUnit x category percent x tier percent},
 * an exact count of millionths of a point. The lines are summed exactly and the total is rounded
 * once by the rules' {@link PointsRounding}; lines are never rounded one by one. A basket in
 * another currency than the rules' is refused ({@link InvalidValueException}, field
 * {@code currency}). Stateless; overflow is an {@link ArithmeticException}, never a wrap-around.
 */
public final class EarningPolicy {

    /** The tier multiplier when the customer has no tier bonus: the points unchanged. */
    public static final int NO_TIER_BONUS_PERCENT = 100;

    /**
     * @param rules the version in force when the purchase occurred
     * @param lines the basket lines with their allocated coupon discounts, in basket order
     * @return the points earned, without tier bonus
     * @throws InvalidValueException (field {@code currency}) when a line is not in the rules' currency
     */
    public EarnedPoints pointsFor(EarningRules rules, List<PricedLine> lines) {
        return pointsFor(rules, lines, NO_TIER_BONUS_PERCENT);
    }

    /**
     * @param rules the version in force when the purchase occurred
     * @param lines the basket lines with their allocated coupon discounts, in basket order
     * @param tierMultiplierPercent the customer's tier multiplier in percent, applied on top of the
     *     category multipliers (100 for none), 0 to {@link EarningRules#MAX_MULTIPLIER_PERCENT}
     * @return the points earned
     * @throws InvalidValueException (field {@code currency}) when a line is not in the rules'
     *     currency, (field {@code tierMultiplierPercent}) for a multiplier out of range
     */
    public EarnedPoints pointsFor(EarningRules rules, List<PricedLine> lines, int tierMultiplierPercent) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(lines, "lines");
        if (tierMultiplierPercent < 0 || tierMultiplierPercent > EarningRules.MAX_MULTIPLIER_PERCENT) {
            throw new InvalidValueException(
                    "tierMultiplierPercent",
                    "tierMultiplierPercent must be between 0 and " + EarningRules.MAX_MULTIPLIER_PERCENT);
        }
        List<LineEarning> earnings = new ArrayList<>();
        long total = 0;
        for (PricedLine priced : lines) {
            LineEarning earning = lineEarning(rules, priced, tierMultiplierPercent);
            earnings.add(earning);
            total = Math.addExact(total, earning.millionths());
        }
        return new EarnedPoints(
                Points.of(rules.rounding().round(total)),
                total,
                rules.rounding(),
                tierMultiplierPercent,
                rules.effectiveFrom(),
                earnings);
    }

    private static LineEarning lineEarning(EarningRules rules, PricedLine priced, int tierPercent) {
        Money net = priced.net();
        if (!net.currency().equals(rules.currency())) {
            throw new InvalidValueException(
                    "currency",
                    "the basket is in " + net.currency().getCurrencyCode() + " but points are earned on "
                            + rules.currency().getCurrencyCode());
        }
        String category = priced.line().category();
        boolean excluded = rules.excludes(category);
        int categoryPercent = rules.multiplierPercentFor(category);
        long millionths = excluded
                ? 0
                : Math.multiplyExact(
                        Math.multiplyExact(net.cents(), (long) rules.pointsPerCurrencyUnit()),
                        Math.multiplyExact((long) categoryPercent, (long) tierPercent));
        return new LineEarning(
                priced.line(), priced.discount(), net, excluded, categoryPercent, tierPercent, millionths);
    }
}
