package dev.loyalty.domain.mission;

import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Optional;

/**
 * Test data builders for missions, shared with the other modules through the test-jar:
 * {@code aMission().withGoal(purchases(3, 30)).repeatable(5).build()}. Defaults: a one-time,
 * active mission "Three purchases" of 3 purchases with no window, 500 points, counting from
 * {@link #FROM} with no end.
 */
public final class MissionFixtures {

    /** The default start of a mission. */
    public static final Instant FROM = Instant.parse("2025-05-01T00:00:00Z");

    private MissionFixtures() {}

    /** @return a builder of a one-time mission */
    public static MissionBuilder aMission() {
        return new MissionBuilder();
    }

    /**
     * @param target how many purchases
     * @param withinDays the window, or null for none
     * @return a PURCHASE_COUNT goal
     */
    public static Goal purchases(long target, Integer withinDays) {
        return new Goal(
                GoalType.PURCHASE_COUNT, Optional.empty(), target, Optional.ofNullable(withinDays), Optional.empty());
    }

    /**
     * @param type the event counted
     * @param target how many
     * @return an EVENT_COUNT goal with no window
     */
    public static Goal events(EventType type, long target) {
        return new Goal(GoalType.EVENT_COUNT, Optional.of(type), target, Optional.empty(), Optional.empty());
    }

    /**
     * @param cents how much net spend
     * @return a SPEND goal with no window
     */
    public static Goal spend(long cents) {
        return new Goal(GoalType.SPEND, Optional.empty(), cents, Optional.empty(), Optional.empty());
    }

    /**
     * @param category the category
     * @param target how many purchases including it
     * @return a CATEGORY_PURCHASE goal with no window
     */
    public static Goal categoryPurchases(String category, long target) {
        return new Goal(GoalType.CATEGORY_PURCHASE, Optional.empty(), target, Optional.empty(), Optional.of(category));
    }

    /** Builds a {@link Mission}; every setter returns the builder. */
    public static final class MissionBuilder {
        private MissionId id = MissionId.newId();
        private String name = "Three purchases";
        private Goal goal = purchases(3, null);
        private Points rewardPoints = Points.of(500);
        private boolean repeatable;
        private Optional<Integer> maxCompletions = Optional.empty();
        private Instant activeFrom = FROM;
        private Optional<Instant> activeUntil = Optional.empty();
        private boolean active = true;

        private MissionBuilder() {}

        /** @param value identity @return this */
        public MissionBuilder withId(MissionId value) {
            this.id = value;
            return this;
        }

        /** @param value name @return this */
        public MissionBuilder named(String value) {
            this.name = value;
            return this;
        }

        /** @param value goal @return this */
        public MissionBuilder withGoal(Goal value) {
            this.goal = value;
            return this;
        }

        /** @param value points per completion @return this */
        public MissionBuilder rewarding(Points value) {
            this.rewardPoints = value;
            return this;
        }

        /** @return this, repeatable without a cap */
        public MissionBuilder repeatable() {
            this.repeatable = true;
            this.maxCompletions = Optional.empty();
            return this;
        }

        /** @param max the cap on completions @return this, repeatable up to the cap */
        public MissionBuilder repeatable(int max) {
            this.repeatable = true;
            this.maxCompletions = Optional.of(max);
            return this;
        }

        /** @param value the cap, whatever repeatable says @return this */
        public MissionBuilder withMaxCompletions(Integer value) {
            this.maxCompletions = Optional.ofNullable(value);
            return this;
        }

        /**
         * @param from events count from this instant
         * @param until until this one, or null for no end
         * @return this
         */
        public MissionBuilder activeBetween(Instant from, Instant until) {
            this.activeFrom = from;
            this.activeUntil = Optional.ofNullable(until);
            return this;
        }

        /** @return this, ended */
        public MissionBuilder inactive() {
            this.active = false;
            return this;
        }

        /** @return the mission (validated by its constructor) */
        public Mission build() {
            return new Mission(
                    id, name, goal, rewardPoints, repeatable, maxCompletions, activeFrom, activeUntil, active);
        }
    }
}
