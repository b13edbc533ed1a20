package dev.loyalty.application.rule;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.rule.RuleId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Rule evaluations in memory, for use-case tests: one per rule and event row, as the database's
 * unique key has it; a rule "has fired" for a customer when an evaluation of theirs is FIRED or
 * PARTIAL; "before" an instant includes it, as in the database adapter.
 */
public final class InMemoryRuleEvaluations implements RuleEvaluations {

    private final List<Evaluation> evaluations = new ArrayList<>();

    @Override
    public synchronized boolean record(Evaluation evaluation) {
        boolean judged = evaluations.stream()
                .anyMatch(e -> e.ruleId().equals(evaluation.ruleId()) && e.eventRowId() == evaluation.eventRowId());
        if (judged) {
            return false;
        }
        evaluations.add(evaluation);
        return true;
    }

    @Override
    public synchronized boolean hasFired(RuleId ruleId, CustomerId customerId) {
        return evaluations.stream()
                .anyMatch(e -> e.ruleId().equals(ruleId)
                        && e.customerId().equals(customerId)
                        && e.outcome() != Evaluation.Outcome.SKIPPED);
    }

    @Override
    public synchronized List<Evaluation> of(
            RuleId ruleId, Optional<CustomerId> customerId, Optional<Instant> before, int limit) {
        List<Evaluation> newestFirst = new ArrayList<>(evaluations);
        Collections.reverse(newestFirst);
        return newestFirst.stream()
                .filter(e -> e.ruleId().equals(ruleId))
                .filter(e -> customerId.map(e.customerId()::equals).orElse(true))
                .filter(e -> before.map(at -> !e.evaluatedAt().isAfter(at)).orElse(true))
                .limit(limit)
                .toList();
    }

    /** @return every evaluation recorded, oldest first */
    public synchronized List<Evaluation> all() {
        return List.copyOf(evaluations);
    }
}
