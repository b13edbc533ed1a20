package dev.loyalty.adapters.web.mission;

import dev.loyalty.application.mission.MissionExplanation;
import java.util.List;

/**
 * {@code GET /missions/{id}/explanation}: why a customer's latest events did (not) count.
 *
 * @param mission the mission
 * @param customerId the customer
 * @param clock the clock that counts: always {@code occurredAt} (the till's or integration's)
 * @param progress the current cycle's progress
 * @param completions how many times completed
 * @param summary the verdict in one sentence
 * @param events the customer's latest events, newest first (by occurredAt), each judged
 */
public record MissionExplanationView(
        MissionView mission,
        String customerId,
        String clock,
        long progress,
        int completions,
        String summary,
        List<MissionExplanation.Verdict> events) {

    static MissionExplanationView of(MissionExplanation explanation) {
        return new MissionExplanationView(
                MissionView.of(explanation.mission()),
                explanation.customerId().toString(),
                "occurredAt",
                explanation.progress(),
                explanation.completions(),
                explanation.summary(),
                explanation.events());
    }
}
