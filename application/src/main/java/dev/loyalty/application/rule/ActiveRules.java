package dev.loyalty.application.rule;

import dev.loyalty.application.activity.ReactionSettingsVersions;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.rule.Rule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active rules by event type, kept between events while {@link ReactionSettingsVersions} does
 * not move (every change of a rule moves it, in the change's transaction).
 */
@ApplicationScoped
public class ActiveRules {

    /** What was read under one version, filled as the types come. */
    private record Known(long version, Map<EventType, List<Rule>> byType) {}

    private final Rules rules;
    private final ReactionSettingsVersions versions;
    private volatile Known known = new Known(Long.MIN_VALUE, Map.of());

    /** For CDI's proxy only. */
    protected ActiveRules() {
        this(null, null);
    }

    @Inject
    public ActiveRules(Rules rules, ReactionSettingsVersions versions) {
        this.rules = rules;
        this.versions = versions;
    }

    /** @return the active rules on the type, as {@link Rules#activeOn} */
    public List<Rule> on(EventType type) {
        long version = versions.current();
        Known now = known;
        if (now.version() != version) {
            // read after the version: what it holds is at least as new as the version
            now = new Known(version, new ConcurrentHashMap<>());
            known = now;
        }
        return now.byType().computeIfAbsent(type, rules::activeOn);
    }
}
