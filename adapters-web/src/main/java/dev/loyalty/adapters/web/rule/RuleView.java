package dev.loyalty.adapters.web.rule;

import dev.loyalty.application.rule.Evaluation;
import dev.loyalty.application.rule.RuleUseCases;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.rule.RuleConditions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A rule as the console reads it.
 *
 * @param ruleId its id
 * @param name its name
 * @param on the event type that triggers it
 * @param status ACTIVE, PAUSED or ARCHIVED
 * @param version the definition's version
 * @param conditions what must hold besides
 * @param actions what it does
 * @param sources whose events it reacts to
 * @param campaignId the campaign it belongs to, if any
 */
public record RuleView(
        String ruleId,
        String name,
        String on,
        String status,
        long version,
        ConditionsView conditions,
        List<ActionView> actions,
        List<String> sources,
        String campaignId) {

    static RuleView of(Rule rule) {
        RuleConditions c = rule.conditions();
        return new RuleView(
                rule.id().toString(),
                rule.name(),
                rule.on().value(),
                rule.status().name(),
                rule.version(),
                new ConditionsView(
                        c.attributes(),
                        List.copyOf(new TreeSet<>(c.storeIds())),
                        List.copyOf(new TreeSet<>(c.channels())),
                        List.copyOf(new TreeSet<>(c.categories())),
                        c.minAmount().orElse(null),
                        c.consents().stream().map(Enum::name).sorted().toList(),
                        c.enrolmentChannels().stream().map(Enum::name).sorted().toList(),
                        c.activeFrom().orElse(null),
                        c.activeUntil().orElse(null),
                        c.oncePerCustomer(),
                        c.segments().stream().map(Object::toString).sorted().toList()),
                rule.actions().stream().map(ActionView::of).toList(),
                rule.sources().stream().map(Enum::name).sorted().toList(),
                rule.campaign().map(Object::toString).orElse(null));
    }

    /** The conditions, as in the request. */
    public record ConditionsView(
            Map<String, String> attributes,
            List<String> storeIds,
            List<String> channels,
            List<String> categories,
            Long minAmount,
            List<String> consents,
            List<String> enrolmentChannels,
            Instant activeFrom,
            Instant activeUntil,
            boolean oncePerCustomer,
            List<String> segments) {}

    /** One action, as in the request. */
    public record ActionView(
            String type,
            String templateId,
            Long points,
            String channel,
            String template,
            Boolean transactional,
            Integer priority,
            String missionId) {

        static ActionView of(RuleAction action) {
            if (action instanceof RuleAction.IssueCoupon issue) {
                return new ActionView(action.type(), issue.templateId().toString(), null, null, null, null, null, null);
            }
            if (action instanceof RuleAction.AwardPoints award) {
                return new ActionView(action.type(), null, award.points().value(), null, null, null, null, null);
            }
            if (action instanceof RuleAction.SendMessage send) {
                return new ActionView(
                        action.type(),
                        null,
                        null,
                        send.channel().orElse(null),
                        send.template(),
                        send.transactional(),
                        send.priority(),
                        null);
            }
            RuleAction.AdvanceMission advance = (RuleAction.AdvanceMission) action;
            return new ActionView(
                    action.type(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    advance.missionId().toString());
        }
    }

    /** Every rule. */
    public record RuleList(List<RuleView> items) {}

    /**
     * One verdict of a rule on one event.
     *
     * @param eventId the event
     * @param eventType its type
     * @param eventOccurredAt when it occurred
     * @param customerId the customer
     * @param evaluatedAt when the rule judged it
     * @param ruleVersion the definition it judged by
     * @param outcome FIRED, PARTIAL (an action could not run) or SKIPPED
     * @param reasons why, and what its actions did
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RuleEvaluation")
    public record EvaluationView(
            String eventId,
            String eventType,
            Instant eventOccurredAt,
            String customerId,
            Instant evaluatedAt,
            long ruleVersion,
            String outcome,
            List<String> reasons) {

        static EvaluationView of(Evaluation e) {
            return new EvaluationView(
                    e.eventId(),
                    e.eventType(),
                    e.eventOccurredAt(),
                    e.customerId().toString(),
                    e.evaluatedAt(),
                    e.ruleVersion(),
                    e.outcome().name(),
                    e.reasons());
        }
    }

    /** A rule's verdicts, newest first. */
    public record EvaluationList(List<EvaluationView> items) {}

    /**
     * Why a rule fired or did not for a customer by a time.
     *
     * @param ruleId the rule
     * @param customerId the customer
     * @param at as of when
     * @param summary one sentence
     * @param evaluations the verdicts behind it, newest first
     */
    public record ExplanationView(
            String ruleId, String customerId, Instant at, String summary, List<EvaluationView> evaluations) {

        static ExplanationView of(RuleUseCases.Explanation e) {
            return new ExplanationView(
                    e.rule().id().toString(),
                    e.customerId().toString(),
                    e.at(),
                    e.summary(),
                    e.evaluations().stream().map(EvaluationView::of).toList());
        }
    }
}
