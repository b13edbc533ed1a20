package dev.loyalty.application.mission;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Driven port: each customer's steps and completions. Works in the caller's transaction; callers
 * hold the customer's wallet lock, which serialises one customer's progress.
 */
public interface MissionProgress {

    /** @return how many times the customer completed the mission */
    int completions(MissionId missionId, CustomerId customerId);

    /** @return completions per mission, for the customer's missions */
    Map<MissionId, Integer> completionsOf(CustomerId customerId);

    /**
     * Counts an event towards a cycle.
     *
     * @return false when this event already counted for this mission (nothing changes)
     */
    boolean addStep(
            MissionId missionId, CustomerId customerId, int cycle, long eventRowId, long amount, Instant occurredAt);

    /**
     * @param rowIds events' rows
     * @return what each of these events counted for the mission (rows that did not count are absent)
     */
    Map<Long, Long> stepsOf(MissionId missionId, CustomerId customerId, Collection<Long> rowIds);

    /**
     * @return the sum of the cycle's steps that occurred in {@code [from, to]}
     */
    long progress(MissionId missionId, CustomerId customerId, int cycle, Instant from, Instant to);

    /** Records a completion (cycle numbers from 0; unique per mission, customer, cycle). */
    void complete(MissionId missionId, CustomerId customerId, int cycle, Points points, Instant at);
}
