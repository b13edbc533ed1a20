package dev.loyalty.domain.tier;

import dev.loyalty.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tier programme: ordered tiers with ascending thresholds on one qualifying metric, measured
 * over a rolling window of calendar months; how long a tier holds before it is reviewed; the grace
 * after a review date before a customer below the threshold goes down; and whether a downgrade is
 * one tier at a time. The first tier (threshold 0) is where every customer starts; its rank is 0.
 * Invariants: a metric; a window of 1 to {@value #MAX_MONTHS} months; a review period of 1 to
 * {@value #MAX_MONTHS} months; a grace of 0 to {@value #MAX_GRACE_DAYS} days; 1 to
 * {@value #MAX_TIERS} tiers, the first at threshold 0, thresholds strictly ascending, names unique
 * regardless of case. Fields are named as in the API ({@code tiers[1].threshold}).
 *
 * @param metric what the thresholds measure
 * @param windowMonths how many calendar months of activity count (the current one included)
 * @param graceDays days after a review date during which a customer below the threshold keeps the
 *     tier (and purchases still count)
 * @param reviewMonths how long a tier holds, once reached or renewed, before it is reviewed
 * @param downgradeOneStep whether a review takes a customer down one tier at most (otherwise to the
 *     tier the metric reaches)
 * @param tiers the tiers, lowest first
 */
public record TierProgramme(
        TierMetric metric,
        int windowMonths,
        int graceDays,
        int reviewMonths,
        boolean downgradeOneStep,
        List<Tier> tiers) {

    /** The longest window and review period accepted, in months. */
    public static final int MAX_MONTHS = 36;

    /** The longest grace accepted, in days. */
    public static final int MAX_GRACE_DAYS = 365;

    /** The most tiers a programme may have. */
    public static final int MAX_TIERS = 10;

    /** Validates the programme and copies its tiers. */
    public TierProgramme {
        if (metric == null) {
            throw new InvalidValueException("metric", "metric is required: POINTS_EARNED or NET_SPEND");
        }
        if (windowMonths < 1 || windowMonths > MAX_MONTHS) {
            throw new InvalidValueException("windowMonths", "windowMonths must be between 1 and " + MAX_MONTHS);
        }
        if (graceDays < 0 || graceDays > MAX_GRACE_DAYS) {
            throw new InvalidValueException("graceDays", "graceDays must be between 0 and " + MAX_GRACE_DAYS);
        }
        if (reviewMonths < 1 || reviewMonths > MAX_MONTHS) {
            throw new InvalidValueException("reviewMonths", "reviewMonths must be between 1 and " + MAX_MONTHS);
        }
        if (tiers == null || tiers.isEmpty() || tiers.size() > MAX_TIERS) {
            throw new InvalidValueException("tiers", "between 1 and " + MAX_TIERS + " tiers are required");
        }
        tiers = List.copyOf(tiers);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (i == 0 && tier.threshold() != 0) {
                throw new InvalidValueException(
                        "tiers[0].threshold", "the first tier's threshold is 0: every customer is in it");
            }
            if (i > 0 && tier.threshold() <= tiers.get(i - 1).threshold()) {
                throw new InvalidValueException(
                        "tiers[" + i + "].threshold",
                        "thresholds are strictly ascending: " + tier.threshold() + " is not above "
                                + tiers.get(i - 1).threshold());
            }
            if (!names.add(Tier.key(tier.name()))) {
                throw new InvalidValueException(
                        "tiers[" + i + "].name", "tier " + tier.name() + " is listed twice (names ignore case)");
            }
        }
    }

    /** One tier as given in a request, before validation. */
    public record TierDefinition(String name, Long threshold, BigDecimal earnMultiplier) {}

    /**
     * Builds a programme from what a console sent, naming the offending field of the first broken
     * rule, e.g. {@code tiers[2].earnMultiplier}.
     *
     * @param metric what the thresholds measure
     * @param windowMonths the window in months
     * @param graceDays the grace in days
     * @param reviewMonths the review period in months, or {@code null} for {@code windowMonths}
     * @param downgradeOneStep one tier at a time, or {@code null} for {@code true}
     * @param tiers the tiers, lowest first
     * @return the programme
     * @throws InvalidValueException naming the field of the first broken rule
     */
    public static TierProgramme define(
            TierMetric metric,
            Integer windowMonths,
            Integer graceDays,
            Integer reviewMonths,
            Boolean downgradeOneStep,
            List<TierDefinition> tiers) {
        if (windowMonths == null) {
            throw new InvalidValueException("windowMonths", "windowMonths is required");
        }
        if (graceDays == null) {
            throw new InvalidValueException("graceDays", "graceDays is required");
        }
        if (tiers == null) {
            throw new InvalidValueException("tiers", "tiers are required");
        }
        List<Tier> built = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            TierDefinition definition = tiers.get(i);
            String prefix = "tiers[" + i + "]";
            if (definition == null) {
                throw new InvalidValueException(prefix, "a tier is required");
            }
            if (definition.threshold() == null) {
                throw new InvalidValueException(prefix + ".threshold", "threshold is required");
            }
            try {
                built.add(Tier.of(definition.name(), definition.threshold(), definition.earnMultiplier()));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(prefix + "." + e.field(), e.getMessage());
            }
        }
        return new TierProgramme(
                metric,
                windowMonths,
                graceDays,
                reviewMonths == null ? windowMonths : reviewMonths,
                downgradeOneStep == null || downgradeOneStep,
                built);
    }

    /** @return the first tier, where every customer starts */
    public Tier base() {
        return tiers.get(0);
    }

    /**
     * @param name a tier name, e.g. as stored for a customer
     * @return its rank (0 for the first tier), empty when the programme has no tier by that name
     */
    public Optional<Integer> rankOf(String name) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).isNamed(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * @param name a tier name
     * @return the tier of that name (regardless of case), if the programme has it
     */
    public Optional<Tier> tierNamed(String name) {
        return rankOf(name).map(tiers::get);
    }

    /** @return the tier of rank {@code rank} */
    public Tier tier(int rank) {
        return tiers.get(rank);
    }

    /** @return the rank of {@code tier}, which must be one of this programme's */
    public int rank(Tier tier) {
        int rank = tiers.indexOf(Objects.requireNonNull(tier, "tier"));
        if (rank < 0) {
            throw new IllegalArgumentException(tier.name() + " is not a tier of this programme");
        }
        return rank;
    }

    /**
     * @param qualifying a customer's qualifying amount
     * @return the highest tier whose threshold it reaches
     */
    public Tier reachedBy(long qualifying) {
        Tier reached = tiers.get(0);
        for (Tier tier : tiers) {
            if (tier.threshold() <= qualifying) {
                reached = tier;
            }
        }
        return reached;
    }

    /** @return the tier right above {@code tier}, empty for the highest */
    public Optional<Tier> above(Tier tier) {
        int rank = rank(tier);
        return rank + 1 < tiers.size() ? Optional.of(tiers.get(rank + 1)) : Optional.empty();
    }

    /** @return the months whose activity qualifies at {@code at} */
    public QualifyingWindow windowAt(Instant at) {
        return QualifyingWindow.of(at, windowMonths);
    }

    /** @return when a tier reached or renewed at {@code at} is next reviewed */
    public Instant reviewAfter(Instant at) {
        return at.atOffset(ZoneOffset.UTC).plusMonths(reviewMonths).toInstant();
    }
}
