package dev.loyalty.adapters.web.tier;

import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.tier.Tier;
import dev.loyalty.domain.tier.TierMetric;
import dev.loyalty.domain.tier.TierStanding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * Where a customer stands, as the app, the till and the console show it. Amounts are in the
 * metric's unit: points for {@code POINTS_EARNED}, cents for {@code NET_SPEND}. {@code progress}
 * says it in words for the cashier, e.g. {@code 120.00 EUR more for Gold by 2026-03-31}. Dates are
 * UTC days; absent values are left out (the first tier has no review).
 *
 * @param name the tier in force
 * @param earnMultiplier its multiplier, e.g. 1.5 (the next purchase earns by it)
 * @param metric what the amounts measure
 * @param qualifying the qualifying amount now, over the window
 * @param windowStart the first day of the oldest month that counts
 * @param nextTier the tier above, if any
 * @param neededForNext how much more reaches it by {@code neededBy}
 * @param neededBy the last day that figure holds (then the oldest month leaves the window)
 * @param since when the customer reached the tier
 * @param reviewAt when the tier is reviewed
 * @param keepBy the last moment the threshold may be met again to keep the tier
 * @param neededToKeep how much more, counted at {@code keepBy}, keeps it
 * @param heldUntil until when an administrator holds the tier
 * @param progress the same in words
 */
public record TierView(
        String name,
        BigDecimal earnMultiplier,
        String metric,
        long qualifying,
        LocalDate windowStart,
        String nextTier,
        Long neededForNext,
        LocalDate neededBy,
        Instant since,
        Instant reviewAt,
        Instant keepBy,
        Long neededToKeep,
        Instant heldUntil,
        String progress) {

    /**
     * @param standing where the customer stands
     * @param currency the programme's currency, for net spend in words
     * @return the view
     */
    public static TierView of(TierStanding standing, String currency) {
        boolean top = standing.nextTier().isEmpty();
        boolean reviewed = standing.keepBy().isPresent();
        return new TierView(
                standing.tier().name(),
                standing.tier().earnMultiplier(),
                standing.metric().name(),
                standing.qualifying(),
                standing.window().firstDay(),
                standing.nextTier().map(Tier::name).orElse(null),
                top ? null : standing.neededForNext(),
                top ? null : standing.neededBy(),
                standing.since().orElse(null),
                standing.reviewAt().orElse(null),
                standing.keepBy().orElse(null),
                reviewed ? standing.neededToKeep() : null,
                standing.heldUntil().orElse(null),
                progress(standing, currency));
    }

    private static String progress(TierStanding standing, String currency) {
        StringBuilder words = new StringBuilder(standing.tier().name());
        standing.nextTier().ifPresent(next -> words.append(": ")
                .append(amount(standing.neededForNext(), standing.metric(), currency))
                .append(" more for ")
                .append(next.name())
                .append(" by ")
                .append(standing.neededBy()));
        if (standing.heldUntil().isPresent()) {
            words.append("; held until ").append(standing.heldUntil().get());
        } else if (standing.keepByDay().isPresent()) {
            LocalDate by = standing.keepByDay().get();
            words.append(
                    standing.neededToKeep() == 0
                            ? "; threshold met for the review of " + by
                            : "; " + amount(standing.neededToKeep(), standing.metric(), currency)
                                    + " more to keep it by " + by);
        }
        return words.toString();
    }

    private static String amount(long amount, TierMetric metric, String currency) {
        return metric == TierMetric.NET_SPEND
                ? new Money(amount, Currency.getInstance(currency)).toString()
                : amount + " points";
    }
}
