package dev.loyalty.application.rule;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.rule.RuleStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driving port: the console's rules, and why one fired or not. Administrators only. */
public interface RuleUseCases {

    /** @param definition the rule (its id, status ACTIVE and version 1 as given) */
    Rule define(Rule definition, Actor actor);

    /** Replaces a rule's definition (name, trigger, conditions, actions); the status stays. */
    Rule replace(RuleId id, Rule definition, Actor actor);

    /** Moves a rule to ACTIVE, PAUSED or ARCHIVED. */
    Rule changeStatus(RuleId id, RuleStatus status, Actor actor);

    /** @return the rule */
    Rule rule(RuleId id, Actor actor);

    /** @return every rule */
    List<Rule> rules(Actor actor);

    /** @return the rule's recorded verdicts, newest first */
    List<Evaluation> evaluations(
            RuleId id, Optional<CustomerId> customerId, Optional<Instant> before, int limit, Actor actor);

    /**
     * Why a rule fired or did not for a customer as of an instant: its verdicts on the customer's
     * events up to then, or - when it judged none - what kept it from judging any.
     */
    Explanation explain(RuleId id, CustomerId customerId, Instant at, Actor actor);

    /**
     * An answer to "why did rule R (not) fire for customer X by time T".
     *
     * @param rule the rule
     * @param customerId the customer
     * @param at as of when
     * @param summary one sentence
     * @param evaluations the verdicts behind it, newest first
     */
    record Explanation(Rule rule, CustomerId customerId, Instant at, String summary, List<Evaluation> evaluations) {}
}
