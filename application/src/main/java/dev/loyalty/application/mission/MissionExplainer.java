package dev.loyalty.application.mission;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.activity.KeptActivity;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.mission.MissionNotFoundException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges a customer's latest events against a mission as its reactor does: the sender, the goal,
 * the event's own clock against the mission's active window; and reads what did count from the
 * mission's steps.
 */
@ApplicationScoped
public class MissionExplainer implements ExplainMissionQuery {

    private final Missions missions;
    private final MissionProgress progress;
    private final ActivityLog activities;
    private final Customers customers;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected MissionExplainer() {
        this(null, null, null, null, null);
    }

    @Inject
    public MissionExplainer(
            Missions missions, MissionProgress progress, ActivityLog activities, Customers customers, Clock clock) {
        this.missions = missions;
        this.progress = progress;
        this.activities = activities;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public MissionExplanation explain(MissionId missionId, CustomerId customerId, int limit, Actor actor) {
        actor.requireAdmin("missions are explained to the console");
        if (limit < 1 || limit > MAX_EVENTS) {
            throw new InvalidValueException("limit", "limit is between 1 and " + MAX_EVENTS);
        }
        Mission mission = missions.byId(missionId)
                .orElseThrow(() -> new MissionNotFoundException("no mission has the id " + missionId));
        if (!customers.exists(customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
        List<KeptActivity> latest = activities.latestOf(customerId, limit);
        Map<Long, Long> counted = progress.stepsOf(
                missionId, customerId, latest.stream().map(KeptActivity::rowId).toList());
        int completions = progress.completions(missionId, customerId);
        Instant now = clock.instant();
        long done = mission.open(completions)
                ? progress.progress(missionId, customerId, completions, mission.windowStart(now), now)
                : 0;

        List<MissionExplanation.Verdict> verdicts = new ArrayList<>();
        MissionExplanation.Verdict missed = null;
        for (KeptActivity kept : latest) {
            RecordedActivity recorded = kept.activity();
            Activity activity = new Activity(
                    recorded.eventId(),
                    recorded.type(),
                    customerId,
                    recorded.storeId(),
                    recorded.occurredAt(),
                    recorded.attributes(),
                    recorded.source());
            MissionExplanation.Outcome outcome;
            long amount = 0;
            String reason;
            if (counted.containsKey(kept.rowId())) {
                outcome = MissionExplanation.Outcome.COUNTED;
                amount = counted.get(kept.rowId());
                reason = "it counted " + amount + " towards the mission";
            } else if (kept.awaitingReactions()) {
                outcome = MissionExplanation.Outcome.PENDING;
                reason = "the missions have not reacted to it yet";
            } else {
                outcome = MissionExplanation.Outcome.NOT_COUNTED;
                reason = mission.whyNotCounted(activity)
                        .orElse("it reached the service at " + recorded.receivedAt()
                                + ", when the mission did not count it: it was not defined yet, or the customer"
                                + " had already completed it");
            }
            MissionExplanation.Verdict verdict = new MissionExplanation.Verdict(
                    recorded.eventId(),
                    recorded.type().value(),
                    recorded.occurredAt(),
                    recorded.receivedAt(),
                    outcome,
                    amount,
                    reason);
            verdicts.add(verdict);
            if (missed == null
                    && outcome == MissionExplanation.Outcome.NOT_COUNTED
                    && mission.goal().contribution(activity) > 0) {
                missed = verdict;
            }
        }
        String summary = "events count by their occurredAt (the till's clock) from " + mission.activeFrom()
                + mission.activeUntil().map(u -> " until " + u).orElse("")
                + "; progress " + done + " of " + mission.goal().target() + ", completed " + completions
                + " time(s)"
                + (missed == null
                        ? ""
                        : "; the latest event of its goal that did not count, " + missed.eventId() + ": "
                                + missed.reason());
        return new MissionExplanation(mission, customerId, done, completions, summary, verdicts);
    }
}
