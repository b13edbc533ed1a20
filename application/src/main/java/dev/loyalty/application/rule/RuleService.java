package dev.loyalty.application.rule;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.campaign.Campaigns;
import dev.loyalty.application.coupon.CouponTemplateNotFoundException;
import dev.loyalty.application.coupon.CouponTemplates;
import dev.loyalty.application.mission.Missions;
import dev.loyalty.application.segment.Segments;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.mission.MissionNotFoundException;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.rule.RuleNotFoundException;
import dev.loyalty.domain.rule.RuleStatus;
import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The console's rules. A rule must name things that exist when it is saved (its actions' coupon
 * template or mission, its conditions' segments, its campaign), so that a typo is an error now
 * rather than a silent failure at the customer's next event.
 */
@ApplicationScoped
public class RuleService implements RuleUseCases {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY = "rules are the console's";

    /** The most evaluations one request returns. */
    public static final int MAX_EVALUATIONS = 200;

    private final Rules rules;
    private final RuleEvaluations evaluations;
    private final CouponTemplates templates;
    private final Missions missions;
    private final Customers customers;
    private final Campaigns campaigns;
    private final Segments segments;

    /** For CDI's proxy only. */
    protected RuleService() {
        this(null, null, null, null, null, null, null);
    }

    @Inject
    public RuleService(
            Rules rules,
            RuleEvaluations evaluations,
            CouponTemplates templates,
            Missions missions,
            Customers customers,
            Campaigns campaigns,
            Segments segments) {
        this.rules = rules;
        this.evaluations = evaluations;
        this.templates = templates;
        this.missions = missions;
        this.customers = customers;
        this.campaigns = campaigns;
        this.segments = segments;
    }

    @Override
    @Transactional
    public Rule define(Rule definition, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        checkReferences(definition);
        rules.add(definition);
        return definition;
    }

    @Override
    @Transactional
    public Rule replace(RuleId id, Rule definition, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        Rule current = existing(id);
        if (current.status() == RuleStatus.ARCHIVED) {
            throw new InvalidValueException("status", "an archived rule is not changed; define a new one");
        }
        checkReferences(definition);
        Rule replaced = current.replacedBy(new Rule(
                id,
                definition.name(),
                definition.on(),
                definition.conditions(),
                definition.actions(),
                current.status(),
                current.version(),
                definition.sources(),
                definition.campaign()));
        rules.update(replaced, current.version());
        return replaced;
    }

    @Override
    @Transactional
    public Rule changeStatus(RuleId id, RuleStatus status, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        Rule current = existing(id);
        if (current.status() == status) {
            return current;
        }
        Rule changed = current.withStatus(status);
        rules.update(changed, current.version());
        return changed;
    }

    @Override
    public Rule rule(RuleId id, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return existing(id);
    }

    @Override
    public List<Rule> rules(Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return rules.all();
    }

    @Override
    public List<Evaluation> evaluations(
            RuleId id, Optional<CustomerId> customerId, Optional<Instant> before, int limit, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        if (limit < 1 || limit > MAX_EVALUATIONS) {
            throw new InvalidValueException("limit", "limit is between 1 and " + MAX_EVALUATIONS);
        }
        existing(id);
        return evaluations.of(id, customerId, before, limit);
    }

    @Override
    public Explanation explain(RuleId id, CustomerId customerId, Instant at, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        Rule rule = existing(id);
        if (!customers.exists(customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
        List<Evaluation> verdicts = evaluations.of(id, Optional.of(customerId), Optional.of(at), 20);
        String summary;
        if (verdicts.isEmpty()) {
            summary = "the rule judged no event of this customer by " + at + ": it reacts to " + rule.on()
                    + " and no such event of the customer was reacted to while it was active"
                    + (rule.status() == RuleStatus.ACTIVE ? "" : " (it is " + rule.status() + " now)");
        } else {
            Evaluation latest = verdicts.get(0);
            summary = switch (latest.outcome()) {
                case FIRED -> "it fired for " + latest.eventType() + " " + latest.eventId() + " at "
                        + latest.evaluatedAt();
                case PARTIAL -> "it fired for " + latest.eventType() + " " + latest.eventId()
                        + ", and an action could not run: " + String.join("; ", latest.reasons());
                case SKIPPED -> "it did not fire for " + latest.eventType() + " " + latest.eventId() + ": "
                        + String.join("; ", latest.reasons());
            };
        }
        return new Explanation(rule, customerId, at, summary, verdicts);
    }

    private void checkReferences(Rule rule) {
        if (rule.campaign().isPresent() && campaigns.byId(rule.campaign().get()).isEmpty()) {
            throw new InvalidValueException(
                    "campaignId", "no campaign has the id " + rule.campaign().get());
        }
        for (SegmentId segment : rule.conditions().segments()) {
            if (segments.byId(segment).isEmpty()) {
                throw new InvalidValueException("conditions.segments", "no segment has the id " + segment);
            }
        }
        for (RuleAction action : rule.actions()) {
            if (action instanceof RuleAction.IssueCoupon issue
                    && templates.byId(issue.templateId()).isEmpty()) {
                throw new CouponTemplateNotFoundException(issue.templateId());
            }
            if (action instanceof RuleAction.AdvanceMission advance
                    && missions.byId(advance.missionId()).isEmpty()) {
                throw new MissionNotFoundException("no mission has the id " + advance.missionId());
            }
        }
    }

    private Rule existing(RuleId id) {
        return rules.byId(id).orElseThrow(() -> new RuleNotFoundException("no rule has the id " + id));
    }
}
