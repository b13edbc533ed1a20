package dev.loyalty.domain.rule;

import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "When the customer does {@link #on()}, if {@link #conditions()} hold, do {@link #actions()}".
 * A rule changes by being replaced: each change advances {@link #version()}, and an evaluation
 * records the version it judged by.
 *
 * @param id identity
 * @param name what the console calls it
 * @param on the event type that triggers it
 * @param conditions what must hold besides
 * @param actions what it does, in order (at least one)
 * @param status whether it reacts
 * @param version the definition's version, from 1
 * @param sources whose events it reacts to (by default {@link EventSource#TRUSTED}: not the app's)
 * @param campaign the campaign it belongs to, if any: its firings are that campaign's contacts (its
 *     holdout applies to them, and its evaluation counts them)
 */
public record Rule(
        RuleId id,
        String name,
        EventType on,
        RuleConditions conditions,
        List<RuleAction> actions,
        RuleStatus status,
        long version,
        Set<EventSource> sources,
        Optional<CampaignId> campaign) {

    /** The most actions a rule may have. */
    public static final int MAX_ACTIONS = 10;

    /** Checks the components. */
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(status, "status");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidValueException("name", "a rule's name is 1 to 200 characters");
        }
        name = name.strip();
        if (actions == null || actions.isEmpty() || actions.size() > MAX_ACTIONS) {
            throw new InvalidValueException("actions", "a rule has 1 to " + MAX_ACTIONS + " actions");
        }
        actions = List.copyOf(actions);
        sources = sources == null || sources.isEmpty() ? EventSource.TRUSTED : Set.copyOf(sources);
        Objects.requireNonNull(campaign, "campaign");
    }

    /** A rule of no campaign. */
    public Rule(
            RuleId id,
            String name,
            EventType on,
            RuleConditions conditions,
            List<RuleAction> actions,
            RuleStatus status,
            long version,
            Set<EventSource> sources) {
        this(id, name, on, conditions, actions, status, version, sources, Optional.empty());
    }

    /** A rule reacting to the trusted sources only (integrations and the service, not the app). */
    public Rule(
            RuleId id,
            String name,
            EventType on,
            RuleConditions conditions,
            List<RuleAction> actions,
            RuleStatus status,
            long version) {
        this(id, name, on, conditions, actions, status, version, EventSource.TRUSTED, Optional.empty());
    }

    /**
     * @param activity an event
     * @param facts the customer it is about
     * @return whether the rule fires for it, and why (or why not)
     */
    public Decision judge(Activity activity, CustomerFacts facts) {
        List<String> reasons = new ArrayList<>();
        if (status != RuleStatus.ACTIVE) {
            reasons.add("the rule is " + status);
        }
        if (!on.equals(activity.type())) {
            reasons.add("the rule reacts to " + on + ", not " + activity.type());
        }
        if (!sources.contains(activity.source())) {
            reasons.add("the rule accepts events from " + new java.util.TreeSet<>(sources) + ", not from "
                    + activity.source());
        }
        reasons.addAll(conditions.unmet(activity, facts));
        if (reasons.isEmpty()) {
            return new Decision(
                    true, List.of("every condition held for " + activity.type() + " " + activity.eventId()));
        }
        return new Decision(false, reasons);
    }

    /**
     * @param replacement the new definition (same id)
     * @return the rule as replaced, one version on
     * @throws InvalidValueException (field {@code status}) when an archived rule would come back
     */
    public Rule replacedBy(Rule replacement) {
        if (status == RuleStatus.ARCHIVED && replacement.status != RuleStatus.ARCHIVED) {
            throw new InvalidValueException("status", "an archived rule stays archived");
        }
        return new Rule(
                id,
                replacement.name,
                replacement.on,
                replacement.conditions,
                replacement.actions,
                replacement.status,
                version + 1,
                replacement.sources,
                replacement.campaign);
    }

    /**
     * @param newStatus the status to take
     * @return the rule in that status, one version on
     */
    public Rule withStatus(RuleStatus newStatus) {
        if (status == RuleStatus.ARCHIVED && newStatus != RuleStatus.ARCHIVED) {
            throw new InvalidValueException("status", "an archived rule stays archived");
        }
        return new Rule(id, name, on, conditions, actions, newStatus, version + 1, sources, campaign);
    }
}
