package dev.loyalty.application.mission;

import dev.loyalty.application.account.PointsAwards;
import dev.loyalty.application.activity.DueActivity;
import dev.loyalty.application.activity.ReactionSettingsVersions;
import dev.loyalty.application.activity.Reactor;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.tier.QualifyingActivity;
import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionCompleted;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.mission.MissionNotFoundException;
import dev.loyalty.domain.tier.QualifyingWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Every active mission counts each event its goal counts; the step that reaches the target
 * completes the mission (its points earned, a {@code MISSION_COMPLETED} event recorded, reacted to
 * in its turn). Mission counts are read under the wallet lock the relay holds, so one customer's
 * steps take turns. A rule's "advance mission" action steps a mission through {@link #advance}.
 */
@ApplicationScoped
public class MissionReactor implements Reactor {

    /** The wallet entry's reason for a mission's points. */
    public static final String REASON = "mission";

    /** After the rules: a rule's effects (points) come before the missions count the event. */
    static final int ORDER = 200;

    private final Missions missions;
    private final ActiveMissions activeMissions;
    private final MissionProgress progress;
    private final PointsAwards points;
    private final QualifyingActivity qualifying;
    private final DomainEventLog events;
    private final ServiceEvents serviceEvents;

    /** For CDI's proxy only. */
    protected MissionReactor() {
        this(null, null, null, null, null, null, null);
    }

    /** A reactor that reads the missions afresh on every event. */
    public MissionReactor(
            Missions missions,
            MissionProgress progress,
            PointsAwards points,
            QualifyingActivity qualifying,
            DomainEventLog events,
            ServiceEvents serviceEvents) {
        this(
                missions,
                new ActiveMissions(missions, ReactionSettingsVersions.uncached()),
                progress,
                points,
                qualifying,
                events,
                serviceEvents);
    }

    @Inject
    public MissionReactor(
            Missions missions,
            ActiveMissions activeMissions,
            MissionProgress progress,
            PointsAwards points,
            QualifyingActivity qualifying,
            DomainEventLog events,
            ServiceEvents serviceEvents) {
        this.missions = missions;
        this.activeMissions = activeMissions;
        this.progress = progress;
        this.points = points;
        this.qualifying = qualifying;
        this.events = events;
        this.serviceEvents = serviceEvents;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void react(DueActivity due, Customer customer, Instant now) {
        for (Mission mission : activeMissions.all()) {
            if (!mission.accepts(due.activity().source())) {
                continue;
            }
            long amount = mission.goal().contribution(due.activity());
            if (amount > 0) {
                step(mission, due, amount, now);
            }
        }
    }

    /**
     * Counts one step of the given mission for the event's customer (a rule's action).
     *
     * @return what happened, for the rule's reasons
     * @throws MissionNotFoundException when the mission no longer exists
     */
    public String advance(MissionId missionId, DueActivity due, Instant now) {
        Optional<Mission> mission = missions.byId(missionId);
        if (mission.isEmpty()) {
            throw new MissionNotFoundException("the mission " + missionId + " no longer exists");
        }
        return step(mission.get(), due, 1, now);
    }

    /** Counts one step, and completes the mission when the window's steps reach the target. */
    private String step(Mission mission, DueActivity due, long amount, Instant now) {
        Activity activity = due.activity();
        CustomerId customer = activity.customerId();
        if (!mission.countsAt(activity.occurredAt())) {
            return "mission " + mission.id() + " does not count events of " + activity.occurredAt();
        }
        int completions = progress.completions(mission.id(), customer);
        if (!mission.open(completions)) {
            return "mission " + mission.id() + " is already completed";
        }
        if (!progress.addStep(mission.id(), customer, completions, due.rowId(), amount, activity.occurredAt())) {
            return "mission " + mission.id() + " already counted this event";
        }
        long done = progress.progress(
                mission.id(), customer, completions, mission.windowStart(activity.occurredAt()), activity.occurredAt());
        if (done < mission.goal().target()) {
            return "mission " + mission.id() + " advanced to " + done + " of "
                    + mission.goal().target();
        }
        progress.complete(mission.id(), customer, completions, mission.rewardPoints(), now);
        points.award(customer, mission.rewardPoints(), REASON, mission.reference(), now);
        // a mission's points are earned points: they qualify for a tier on POINTS_EARNED (the next
        // purchase or the daily review moves the tier)
        qualifying.add(
                customer,
                QualifyingWindow.monthOf(now),
                0,
                mission.rewardPoints().value());
        MissionCompleted completed =
                new MissionCompleted(mission.id(), customer, completions + 1, mission.rewardPoints(), now);
        events.append(completed);
        serviceEvents.record(
                "mission-completed:" + mission.id() + ":" + customer + ":" + (completions + 1),
                EventType.MISSION_COMPLETED,
                customer,
                activity.storeId(),
                now,
                now,
                Map.of(
                        "missionId", mission.id().toString(),
                        "missionName", mission.name(),
                        "completion", (long) completions + 1,
                        "points", mission.rewardPoints().value()));
        return "mission " + mission.id() + " completed (" + (completions + 1) + "), "
                + mission.rewardPoints().value() + " points";
    }
}
