package dev.loyalty.adapters.web.mission;

import dev.loyalty.application.mission.CustomerMission;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.mission.Mission;
import java.time.Instant;
import java.util.List;

/**
 * A mission; in a customer's list, with their progress.
 *
 * @param missionId its id
 * @param name what the app shows
 * @param goal what completes it
 * @param rewardPoints what each completion earns
 * @param repeatable whether it starts again once completed
 * @param maxCompletions the cap on completions, if any
 * @param activeFrom events count from then
 * @param activeUntil events count until then, if it ends
 * @param status ACTIVE or ENDED
 * @param progress the customer's progress in the current round (customer lists only)
 */
public record MissionView(
        String missionId,
        String name,
        GoalView goal,
        long rewardPoints,
        boolean repeatable,
        Integer maxCompletions,
        Instant activeFrom,
        Instant activeUntil,
        String status,
        ProgressView progress) {

    /** The goal, as in the request. */
    public record GoalView(String type, String eventType, long target, Integer withinDays, String category) {}

    /**
     * @param current how far the current round is (steps within the window, as of now)
     * @param target what completes it
     * @param percent current of target, 0-100
     * @param completions how many times the customer completed it
     * @param completed whether the customer can progress no more (completed, not repeatable or capped)
     */
    public record ProgressView(long current, long target, int percent, int completions, boolean completed) {}

    /** Missions. */
    public record MissionList(List<MissionView> items) {}

    static MissionView of(Mission mission) {
        return of(mission, null);
    }

    static MissionView of(CustomerMission seen) {
        long target = seen.mission().goal().target();
        long current = Math.min(seen.progress(), target);
        return of(
                seen.mission(),
                new ProgressView(
                        current,
                        target,
                        (int) (current * 100 / target),
                        seen.completions(),
                        !seen.open() && seen.completions() > 0));
    }

    private static MissionView of(Mission mission, ProgressView progress) {
        return new MissionView(
                mission.id().toString(),
                mission.name(),
                new GoalView(
                        mission.goal().type().name(),
                        mission.goal().eventType().map(EventType::value).orElse(null),
                        mission.goal().target(),
                        mission.goal().withinDays().orElse(null),
                        mission.goal().category().orElse(null)),
                mission.rewardPoints().value(),
                mission.repeatable(),
                mission.maxCompletions().orElse(null),
                mission.activeFrom(),
                mission.activeUntil().orElse(null),
                mission.active() ? "ACTIVE" : "ENDED",
                progress);
    }
}
