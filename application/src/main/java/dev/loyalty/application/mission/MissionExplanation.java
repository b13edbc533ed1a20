package dev.loyalty.application.mission;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.mission.Mission;
import java.time.Instant;
import java.util.List;

/**
 * Why a customer's latest events did (not) count for a mission. The clock that counts is the
 * event's own {@code occurredAt} (a till's, whole seconds), never the service's arrival time.
 *
 * @param mission the mission
 * @param customerId the customer
 * @param progress the current cycle's progress (as of now, within the goal's window)
 * @param completions how many times the customer completed it
 * @param summary the verdict in one sentence
 * @param events the customer's latest events, newest first, each judged
 */
public record MissionExplanation(
        Mission mission, CustomerId customerId, long progress, int completions, String summary, List<Verdict> events) {

    /** What became of an event. */
    public enum Outcome {
        /** It counted towards the mission. */
        COUNTED,
        /** It did not count: see the reason. */
        NOT_COUNTED,
        /** The missions have not reacted to it yet (within seconds, normally). */
        PENDING
    }

    /**
     * One event judged.
     *
     * @param eventId the event
     * @param type its type
     * @param occurredAt when it happened (the clock that counts)
     * @param receivedAt when the service learnt of it
     * @param outcome what became of it
     * @param amount what it counted (0 unless counted)
     * @param reason why
     */
    public record Verdict(
            String eventId,
            String type,
            Instant occurredAt,
            Instant receivedAt,
            Outcome outcome,
            long amount,
            String reason) {}
}
