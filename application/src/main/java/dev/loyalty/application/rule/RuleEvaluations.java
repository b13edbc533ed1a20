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

    /**
     * Records several verdicts at once, as {@link #record} does each (one already judged is kept
     * as it was): an adapter may write them in one statement.
     *
     * @param evaluations the verdicts, in order
     */
    default void recordAll(List<Evaluation> evaluations) {
        evaluations.forEach(this::record);
    }

    /** @return whether the rule fired for the customer before */
    boolean hasFired(RuleId ruleId, CustomerId customerId);

    /**
     * A rule that fired for a customer.
     *
     * @param ruleId the rule
     * @param customerId the customer
     */
    record Fired(RuleId ruleId, CustomerId customerId) {}

    /**
     * {@link #hasFired} for every pair of these rules and customers at once (an adapter may ask in
     * one query).
     *
     * @return the pairs where the rule fired for the customer before
     */
    default java.util.Set<Fired> firedAmong(
            java.util.Collection<RuleId> ruleIds, java.util.Collection<CustomerId> customerIds) {
        java.util.Set<Fired> fired = new java.util.HashSet<>();
        for (RuleId rule : ruleIds) {
            for (CustomerId customer : customerIds) {
                if (hasFired(rule, customer)) {
                    fired.add(new Fired(rule, customer));
                }
            }
        }
        return fired;
    }

    /**
     * @param ruleId the rule
     * @param customerId only this customer's, when given
     * @param before only those evaluated at or before this instant, when given
     * @param limit how many
     * @return the evaluations, newest first
     */
    List<Evaluation> of(RuleId ruleId, Optional<CustomerId> customerId, Optional<Instant> before, int limit);
}
