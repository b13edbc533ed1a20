package dev.loyalty.application.rule;

import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.rule.RuleStatus;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules in memory, for use-case tests: one row per rule, optimistic locking on the version as in
 * the database, and a changed rule must come one version on from the one it was read at.
 */
public final class InMemoryRules implements Rules {

    private final Map<RuleId, Rule> rules = new LinkedHashMap<>();

    @Override
    public synchronized void add(Rule rule) {
        if (rules.containsKey(rule.id())) {
            throw new IllegalStateException("rule " + rule.id() + " is already stored");
        }
        rules.put(rule.id(), rule);
    }

    @Override
    public synchronized void update(Rule rule, long readVersion) {
        Rule current = rules.get(rule.id());
        if (current == null || current.version() != readVersion) {
            throw new ConcurrentUpdateException("rule " + rule.id() + " was changed meanwhile");
        }
        if (rule.version() != readVersion + 1) {
            throw new IllegalArgumentException(
                    "a changed rule is one version on from " + readVersion + ", not " + rule.version());
        }
        rules.put(rule.id(), rule);
    }

    @Override
    public synchronized Optional<Rule> byId(RuleId id) {
        return Optional.ofNullable(rules.get(id));
    }

    @Override
    public synchronized List<Rule> all() {
        return rules.values().stream()
                .sorted(Comparator.comparing((Rule r) -> r.status() == RuleStatus.ARCHIVED)
                        .thenComparing(Rule::name))
                .toList();
    }

    @Override
    public synchronized List<Rule> activeOn(EventType type) {
        return rules.values().stream()
                .filter(r -> r.status() == RuleStatus.ACTIVE && r.on().equals(type))
                .toList();
    }
}
