package dev.loyalty.domain.tier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a customer stands, as the app, the till and the console show it: the tier in force and its
 * multiplier, the qualifying amount now, what is needed for the next tier and until when that
 * figure holds ("120 EUR more for Gold by 31 March": at the end of the current month the oldest
 * month leaves the window), and, for a tier above the first, when it is reviewed and what is still
 * needed by then to keep it. Amounts are in the metric's unit (points, or cents).
 *
 * @param tier the tier in force
 * @param rank its rank, 0 for the first tier
 * @param metric what the amounts measure
 * @param qualifying the qualifying amount now
 * @param window the months it is counted over
 * @param nextTier the tier above, if any
 * @param neededForNext how much more reaches the next tier by {@link QualifyingWindow#lastDay()} (0
 *     at the top)
 * @param since when the customer reached the tier; empty for a customer never placed
 * @param reviewAt when the tier is reviewed; empty for the first tier
 * @param keepBy the last moment the threshold may be met again to keep the tier: the review date,
 *     or once it has passed, the end of the grace period; empty for the first tier
 * @param neededToKeep how much more, counted over the window at {@code keepBy}, keeps the tier (0
 *     when already met or for the first tier)
 * @param heldUntil until when an administrator holds the tier, if they do
 */
public record TierStanding(
        Tier tier,
        int rank,
        TierMetric metric,
        long qualifying,
        QualifyingWindow window,
        Optional<Tier> nextTier,
        long neededForNext,
        Optional<Instant> since,
        Optional<Instant> reviewAt,
        Optional<Instant> keepBy,
        long neededToKeep,
        Optional<Instant> heldUntil) {

    /** Checks the components. */
    public TierStanding {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(nextTier, "nextTier");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reviewAt, "reviewAt");
        Objects.requireNonNull(keepBy, "keepBy");
        Objects.requireNonNull(heldUntil, "heldUntil");
    }

    /**
     * @param programme the programme in force
     * @param standing the customer's stored standing
     * @param history the customer's qualifying amounts per month on the programme's metric
     * @param now the moment shown
     * @return where the customer stands now
     */
    public static TierStanding of(
            TierProgramme programme, CustomerTier standing, QualifyingHistory history, Instant now) {
        QualifyingWindow window = programme.windowAt(now);
        long qualifying = history.in(window);
        Tier tier = standing.effectiveTier(programme, qualifying);
        int rank = programme.rank(tier);
        Optional<Tier> next = programme.above(tier);
        long neededForNext =
                next.map(t -> Math.max(0, t.threshold() - qualifying)).orElse(0L);
        Optional<Instant> reviewAt = rank == 0 ? Optional.empty() : standing.reviewAt();
        Optional<Instant> keepBy = reviewAt.map(
                review -> review.isAfter(now) ? review : review.plus(Duration.ofDays(programme.graceDays())));
        long neededToKeep = keepBy.map(by -> Math.max(0, tier.threshold() - history.in(programme.windowAt(by))))
                .orElse(0L);
        return new TierStanding(
                tier,
                rank,
                programme.metric(),
                qualifying,
                window,
                next,
                neededForNext,
                standing.since(),
                reviewAt,
                keepBy,
                neededToKeep,
                standing.heldUntil().filter(until -> until.isAfter(now)));
    }

    /** @return the last day (UTC) by which {@link #neededForNext()} reaches the next tier */
    public LocalDate neededBy() {
        return window.lastDay();
    }

    /** @return the day (UTC) of {@link #keepBy()} */
    public Optional<LocalDate> keepByDay() {
        return keepBy.map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
}
