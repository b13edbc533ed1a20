package dev.loyalty.domain.mission;

import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/**
 * What completes a mission: {@link #target()} of what {@link #type()} counts, within {@link
 * #withinDays()} of one another when given (a rolling window ending at the latest step).
 *
 * @param type what is counted
 * @param eventType the event counted (EVENT_COUNT only)
 * @param target how much completes it (a count, or cents for SPEND)
 * @param withinDays the window the steps must fall in, or empty for no limit
 * @param category the category (CATEGORY_PURCHASE only)
 */
public record Goal(
        GoalType type,
        Optional<EventType> eventType,
        long target,
        Optional<Integer> withinDays,
        Optional<String> category) {

    /** Checks that the goal is complete and sensible. */
    public Goal {
        Objects.requireNonNull(type, "goal.type");
        Objects.requireNonNull(eventType, "goal.eventType");
        Objects.requireNonNull(withinDays, "goal.withinDays");
        Objects.requireNonNull(category, "goal.category");
        category = category.map(String::strip);
        if (target < 1 || target > 100_000_000) {
            throw new InvalidValueException("goal.target", "a goal's target is between 1 and 100000000");
        }
        if (withinDays.filter(d -> d < 1 || d > 3660).isPresent()) {
            throw new InvalidValueException("goal.withinDays", "withinDays is between 1 and 3660");
        }
        if (type == GoalType.EVENT_COUNT && eventType.isEmpty()) {
            throw new InvalidValueException("goal.eventType", "an EVENT_COUNT goal names the event type it counts");
        }
        if (type != GoalType.EVENT_COUNT && eventType.isPresent()) {
            throw new InvalidValueException("goal.eventType", "only an EVENT_COUNT goal names an event type");
        }
        if (type == GoalType.CATEGORY_PURCHASE
                && category.filter(c -> !c.isBlank()).isEmpty()) {
            throw new InvalidValueException("goal.category", "a CATEGORY_PURCHASE goal names its category");
        }
        if (type != GoalType.CATEGORY_PURCHASE && category.isPresent()) {
            throw new InvalidValueException("goal.category", "only a CATEGORY_PURCHASE goal names a category");
        }
    }

    /**
     * @param activity an event of the customer
     * @return what it contributes towards the target (0: it does not count)
     */
    public long contribution(Activity activity) {
        boolean purchase = EventType.PURCHASE_RECORDED.equals(activity.type());
        return switch (type) {
            case EVENT_COUNT -> eventType.get().equals(activity.type()) ? 1 : 0;
            case PURCHASE_COUNT -> purchase ? 1 : 0;
            case SPEND -> purchase ? Math.max(0, activity.number(Activity.NET).orElse(0L)) : 0;
            case CATEGORY_PURCHASE -> purchase && activity.categories().contains(category.get()) ? 1 : 0;
        };
    }
}
