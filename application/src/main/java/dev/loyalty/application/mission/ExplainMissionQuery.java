package dev.loyalty.application.mission;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.mission.MissionId;

/** Driving port: the console's "why did this purchase not count for the mission". */
public interface ExplainMissionQuery {

    /** How many of the customer's latest events are judged at most. */
    int MAX_EVENTS = 100;

    /**
     * @param limit how many of the customer's latest events to judge (1 to {@link #MAX_EVENTS})
     * @return the customer's latest events judged for the mission (administrators)
     */
    MissionExplanation explain(MissionId missionId, CustomerId customerId, int limit, Actor actor);
}
