package dev.loyalty.adapters.web.mission;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.rule.RuleRequest;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.mission.Goal;
import dev.loyalty.domain.mission.GoalType;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /missions}.
 *
 * @param name what the app shows
 * @param goal what completes it
 * @param rewardPoints what each completion earns
 * @param repeatable whether it starts again once completed
 * @param maxCompletions the most completions per customer (repeatable only)
 * @param activeFrom events (by their occurredAt) count from then (the start of the current minute when left out)
 * @param activeUntil events count until then (no end when left out)
 * @param sources whose events count: APP, INTEGRATION, SERVICE (default: INTEGRATION and SERVICE)
 */
public record MissionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid GoalBody goal,
        @NotNull Long rewardPoints,
        Boolean repeatable,
        Integer maxCompletions,
        @Size(max = 64) String activeFrom,
        @Size(max = 64) String activeUntil,
        @Size(max = 3) List<@NotBlank @Size(max = 16) String> sources) {

    /**
     * @param type EVENT_COUNT, PURCHASE_COUNT, SPEND or CATEGORY_PURCHASE
     * @param eventType EVENT_COUNT: the event counted
     * @param target how many (cents for SPEND)
     * @param withinDays the steps must fall within this many days
     * @param category CATEGORY_PURCHASE: the category
     */
    public record GoalBody(
            @NotBlank String type,
            @Size(max = 64) String eventType,
            @NotNull Long target,
            Integer withinDays,
            @Size(max = 64) String category) {}

    Mission toMission(Instant now) {
        GoalType type = Choices.of(GoalType.class, "goal.type", goal.type());
        if (rewardPoints < 1 || rewardPoints > 1_000_000) {
            throw new InvalidValueException("rewardPoints", "rewardPoints is between 1 and 1000000");
        }
        return new Mission(
                MissionId.newId(),
                name,
                new Goal(
                        type,
                        Optional.ofNullable(goal.eventType()).map(t -> EventType.parse(t, "goal.eventType")),
                        goal.target(),
                        Optional.ofNullable(goal.withinDays()),
                        Optional.ofNullable(goal.category())),
                Points.of(rewardPoints),
                Boolean.TRUE.equals(repeatable),
                Optional.ofNullable(maxCompletions),
                activeFrom == null ? Mission.defaultStart(now) : Times.instant("activeFrom", activeFrom),
                Optional.ofNullable(activeUntil).map(t -> Times.instant("activeUntil", t)),
                true,
                RuleRequest.sources(sources));
    }
}
