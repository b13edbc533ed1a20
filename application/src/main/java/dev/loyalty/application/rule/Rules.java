package dev.loyalty.application.rule;

import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleId;
import java.util.List;
import java.util.Optional;

/** Driven port: the rules, every version's current definition. Works in the caller's transaction. */
public interface Rules {

    /** Stores a new rule. */
    void add(Rule rule);

    /**
     * Stores a changed rule if nobody changed it since it was read.
     *
     * @param rule the rule, its version one on from {@code readVersion}
     * @param readVersion the version it was read at
     * @throws dev.loyalty.domain.shared.ConcurrentUpdateException when it changed meanwhile
     */
    void update(Rule rule, long readVersion);

    /** @return the rule, if any */
    Optional<Rule> byId(RuleId id);

    /** @return every rule not archived, then the archived, by name */
    List<Rule> all();

    /** @return the active rules reacting to this type */
    List<Rule> activeOn(EventType type);
}
