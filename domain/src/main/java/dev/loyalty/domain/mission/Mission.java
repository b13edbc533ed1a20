package dev.loyalty.domain.mission;

import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A goal that earns points once reached. A one-time mission completes once per customer; a
 * repeatable one starts again after each completion, up to {@link #maxCompletions()} when given.
 * Only events that occur while it is active count, by their own clock ({@code occurredAt}: the
 * till's, whole seconds), and only those the service reacts to after the mission was defined.
 *
 * @param id identity
 * @param name what the app shows
 * @param goal what completes it
 * @param rewardPoints the points each completion earns
 * @param repeatable whether it starts again once completed
 * @param maxCompletions the most completions per customer (repeatable only), or empty for no cap
 * @param activeFrom events count from this instant
 * @param activeUntil events count until this instant, or empty for no end
 * @param active whether it still counts (an ended mission keeps its history)
 * @param sources whose events count (by default {@link EventSource#TRUSTED}: not the app's)
 */
public record Mission(
        MissionId id,
        String name,
        Goal goal,
        Points rewardPoints,
        boolean repeatable,
        Optional<Integer> maxCompletions,
        Instant activeFrom,
        Optional<Instant> activeUntil,
        boolean active,
        Set<EventSource> sources) {

    /** Checks the components. */
    public Mission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(activeFrom, "activeFrom");
        Objects.requireNonNull(activeUntil, "activeUntil");
        Objects.requireNonNull(maxCompletions, "maxCompletions");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidValueException("name", "a mission's name is 1 to 200 characters");
        }
        name = name.strip();
        if (rewardPoints == null || rewardPoints.isZero() || rewardPoints.value() > 1_000_000) {
            throw new InvalidValueException("rewardPoints", "rewardPoints is between 1 and 1000000");
        }
        if (maxCompletions.isPresent() && !repeatable) {
            throw new InvalidValueException("maxCompletions", "only a repeatable mission has a cap on completions");
        }
        if (maxCompletions.filter(m -> m < 1 || m > 10_000).isPresent()) {
            throw new InvalidValueException("maxCompletions", "maxCompletions is between 1 and 10000");
        }
        if (activeUntil.filter(until -> !until.isAfter(activeFrom)).isPresent()) {
            throw new InvalidValueException("activeUntil", "activeUntil must be after activeFrom");
        }
        sources = sources == null || sources.isEmpty() ? EventSource.TRUSTED : Set.copyOf(sources);
    }

    /** A mission counting the trusted sources' events only (integrations and the service). */
    public Mission(
            MissionId id,
            String name,
            Goal goal,
            Points rewardPoints,
            boolean repeatable,
            Optional<Integer> maxCompletions,
            Instant activeFrom,
            Optional<Instant> activeUntil,
            boolean active) {
        this(
                id,
                name,
                goal,
                rewardPoints,
                repeatable,
                maxCompletions,
                activeFrom,
                activeUntil,
                active,
                EventSource.TRUSTED);
    }

    /**
     * Where a mission defined without {@code activeFrom} starts: the beginning of the minute it was
     * defined in, so that a till stamping whole seconds (22:27:41 for a sale at 22:27:41.9) has its
     * purchases of the mission's first second counted.
     *
     * @param definedAt when the mission was defined (the service's clock)
     * @return the start of that minute
     */
    public static Instant defaultStart(Instant definedAt) {
        return definedAt.truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * @param source who told us of an event
     * @return whether events from there count
     */
    public boolean accepts(EventSource source) {
        return sources.contains(source);
    }

    /**
     * @param at an instant
     * @return whether events occurring then count
     */
    public boolean countsAt(Instant at) {
        return active
                && !at.isBefore(activeFrom)
                && activeUntil.map(at::isBefore).orElse(true);
    }

    /**
     * Why an event does not count for this mission, judged by its own clock: the till's or the
     * integration's {@code occurredAt}, never the moment the service learnt of it.
     *
     * @param activity an event of the customer
     * @return the reason it does not count, or empty when it counts
     */
    public Optional<String> whyNotCounted(Activity activity) {
        if (!accepts(activity.source())) {
            return Optional.of("events sent by " + activity.source() + " do not count for this mission (it counts "
                    + sources.stream().map(Enum::name).sorted().toList() + ")");
        }
        if (goal.contribution(activity) <= 0) {
            return Optional.of("its goal (" + goal.type()
                    + goal.eventType().map(t -> " of " + t.value()).orElse("")
                    + goal.category().map(c -> " in " + c).orElse("")
                    + ") does not count this " + activity.type().value());
        }
        if (activity.occurredAt().isBefore(activeFrom)) {
            return Optional.of("it occurred at " + activity.occurredAt()
                    + " (its occurredAt), before the mission's activeFrom " + activeFrom);
        }
        if (activeUntil.filter(until -> !activity.occurredAt().isBefore(until)).isPresent()) {
            return Optional.of("it occurred at " + activity.occurredAt()
                    + " (its occurredAt), at or after the mission's activeUntil " + activeUntil.get());
        }
        if (!active) {
            return Optional.of("the mission was ended: no event counts any more");
        }
        return Optional.empty();
    }

    /**
     * @param completions how many times the customer has completed it
     * @return whether the customer may still progress (and complete it again)
     */
    public boolean open(int completions) {
        if (completions == 0) {
            return true;
        }
        return repeatable && maxCompletions.map(max -> completions < max).orElse(true);
    }

    /**
     * @param latest the latest step
     * @return the earliest instant a step may have occurred at to count with it
     */
    public Instant windowStart(Instant latest) {
        return goal.withinDays()
                .map(days -> latest.minus(Duration.ofDays(days)))
                .orElse(Instant.MIN);
    }

    /**
     * @return the reference its points carry in the ledger
     */
    public String reference() {
        return "mission:" + id;
    }

    /**
     * @return the mission ended now (no more counting)
     */
    public Mission ended() {
        return new Mission(
                id, name, goal, rewardPoints, repeatable, maxCompletions, activeFrom, activeUntil, false, sources);
    }
}
