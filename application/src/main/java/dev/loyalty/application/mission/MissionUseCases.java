package dev.loyalty.application.mission;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.mission.Mission;
import dev.loyalty.domain.mission.MissionId;
import java.util.List;

/** Driving port: the console's missions and a customer's progress. */
public interface MissionUseCases {

    /** Defines a mission (administrators). */
    Mission define(Mission mission, Actor actor);

    /** Ends a mission: no more counting; history stays (administrators). */
    Mission end(MissionId id, Actor actor);

    /** @return every mission (administrators) */
    List<Mission> missions(Actor actor);

    /** @return the mission (administrators) */
    Mission mission(MissionId id, Actor actor);

    /**
     * @return the customer's active missions and the ones they completed, with progress (the
     *     customer themselves, a till, the console)
     */
    List<CustomerMission> progressOf(CustomerId customerId, Actor actor);
}
