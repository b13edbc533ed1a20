package dev.loyalty.application.rule;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.rule.RuleId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: every rule's verdict on every event it was asked about. */
public interface RuleEvaluations {

    /**
     * @param evaluation the verdict
     * @return false when this rule had already judged this event (nothing is stored)
     */
    boolean record(Evaluation evaluation);

    /** @return whether the rule fired for the customer before */
    boolean hasFired(RuleId ruleId, CustomerId customerId);

    /**
     * @param ruleId the rule
     * @param customerId only this customer's, when given
     * @param before only those evaluated at or before this instant, when given
     * @param limit how many
     * @return the evaluations, newest first
     */
    List<Evaluation> of(RuleId ruleId, Optional<CustomerId> customerId, Optional<Instant> before, int limit);
}
