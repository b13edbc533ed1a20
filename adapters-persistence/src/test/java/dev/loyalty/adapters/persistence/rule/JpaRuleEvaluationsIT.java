package dev.loyalty.adapters.persistence.rule;

import static dev.loyalty.adapters.persistence.TestDatabase.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.rule.Evaluation;
import dev.loyalty.application.rule.RuleEvaluations;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.rule.RuleId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A batch's verdicts in one statement, and "once per customer" asked for a whole batch at once. */
class JpaRuleEvaluationsIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private final RuleId welcome = new RuleId(UUID.randomUUID());
    private final RuleId bonus = new RuleId(UUID.randomUUID());
    private final CustomerId anna = CustomerId.newId();
    private final CustomerId bruno = CustomerId.newId();
    private final long event = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);

    private Evaluation verdict(RuleId rule, long eventRow, CustomerId customer, Evaluation.Outcome outcome) {
        return new Evaluation(
                rule,
                1,
                eventRow,
                "e-" + eventRow,
                "EMAIL_OPENED",
                NOW,
                customer,
                NOW,
                outcome,
                List.of("because " + outcome, "\"quoted\" and \\ kept"));
    }

    @Test
    void aBatchOfVerdictsIsRecordedTogetherAndAVerdictAlreadyRecordedIsKeptAsItWas() {
        inTransaction(em -> {
            new JpaRuleEvaluations(em).record(verdict(welcome, event, anna, Evaluation.Outcome.SKIPPED));
            return null;
        });

        inTransaction(em -> {
            new JpaRuleEvaluations(em)
                    .recordAll(List.of(
                            verdict(welcome, event, anna, Evaluation.Outcome.FIRED),
                            verdict(bonus, event, anna, Evaluation.Outcome.FIRED),
                            verdict(welcome, event + 1, bruno, Evaluation.Outcome.PARTIAL)));
            return null;
        });

        // read straight from the table: the adapter's reads join the events, which this test has none of
        List<String> rows = inTransaction(em -> ((List<?>) em.createNativeQuery("SELECT CONCAT(rule_id, ' ',"
                                + " event_row_id, ' ', customer_id, ' ', outcome, ' ', reasons) FROM rule_evaluation"
                                + " WHERE rule_id IN (?, ?)")
                        .setParameter(1, welcome.toString())
                        .setParameter(2, bonus.toString())
                        .getResultList())
                .stream().map(String::valueOf).toList());
        String reasons = " [\"because %s\",\"\\\"quoted\\\" and \\\\ kept\"]";
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        welcome + " " + event + " " + anna + " SKIPPED" + reasons.formatted("SKIPPED"),
                        bonus + " " + event + " " + anna + " FIRED" + reasons.formatted("FIRED"),
                        welcome + " " + (event + 1) + " " + bruno + " PARTIAL" + reasons.formatted("PARTIAL"));
    }

    @Test
    void firedAmongAnswersEveryPairAsHasFiredDoes() {
        inTransaction(em -> {
            new JpaRuleEvaluations(em)
                    .recordAll(List.of(
                            verdict(welcome, event, anna, Evaluation.Outcome.FIRED),
                            verdict(bonus, event, anna, Evaluation.Outcome.SKIPPED),
                            verdict(bonus, event + 1, bruno, Evaluation.Outcome.PARTIAL)));
            return null;
        });

        java.util.Set<RuleEvaluations.Fired> fired = inTransaction(
                em -> new JpaRuleEvaluations(em).firedAmong(List.of(welcome, bonus), List.of(anna, bruno)));

        assertThat(fired)
                .containsExactlyInAnyOrder(
                        new RuleEvaluations.Fired(welcome, anna), new RuleEvaluations.Fired(bonus, bruno));
        for (RuleId rule : List.of(welcome, bonus)) {
            for (CustomerId customer : List.of(anna, bruno)) {
                boolean one = inTransaction(em -> new JpaRuleEvaluations(em).hasFired(rule, customer));
                assertThat(fired.contains(new RuleEvaluations.Fired(rule, customer)))
                        .isEqualTo(one);
            }
        }
        java.util.Set<RuleEvaluations.Fired> none =
                inTransaction(em -> new JpaRuleEvaluations(em).firedAmong(List.of(welcome), List.of()));
        assertThat(none).isEmpty();
    }
}
