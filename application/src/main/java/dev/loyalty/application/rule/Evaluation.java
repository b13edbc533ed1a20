package dev.loyalty.application.rule;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.rule.RuleId;
import java.time.Instant;
import java.util.List;

/**
 * A rule's recorded verdict on one event.
 *
 * @param ruleId the rule
 * @param ruleVersion the definition it judged by
 * @param eventRowId the event's row
 * @param eventId the event's id
 * @param eventType its type
 * @param eventOccurredAt when it occurred
 * @param customerId the customer
 * @param evaluatedAt when it was judged
 * @param outcome what came of it
 * @param reasons why, and what the actions did
 */
public record Evaluation(
        RuleId ruleId,
        long ruleVersion,
        long eventRowId,
        String eventId,
        String eventType,
        Instant eventOccurredAt,
        CustomerId customerId,
        Instant evaluatedAt,
        Outcome outcome,
        List<String> reasons) {

    /** Copies the reasons. */
    public Evaluation {
        reasons = List.copyOf(reasons);
    }

    /** What came of an evaluation. */
    public enum Outcome {
        /** Every action ran. */
        FIRED,
        /** It fired, and at least one action could not run (its reason says why). */
        PARTIAL,
        /** A condition did not hold. */
        SKIPPED
    }
}
