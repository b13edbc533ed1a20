package dev.loyalty.application.rule;

import static dev.loyalty.domain.rule.RuleFixtures.aRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.activity.ReactionSettingsVersions;
import dev.loyalty.domain.activity.ActivityFixtures;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.rule.Rule;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The reactions' cache of the active rules, keyed by the settings' version. */
class ActiveRulesTest {

    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger versionReads = new AtomicInteger();
    private final AtomicLong version = new AtomicLong();
    private final InMemoryRules stored = new InMemoryRules();
    private final Rules counted = new Rules() {
        @Override
        public void add(Rule rule) {
            stored.add(rule);
        }

        @Override
        public void update(Rule rule, long readVersion) {
            stored.update(rule, readVersion);
        }

        @Override
        public java.util.Optional<Rule> byId(dev.loyalty.domain.rule.RuleId id) {
            return stored.byId(id);
        }

        @Override
        public List<Rule> all() {
            return stored.all();
        }

        @Override
        public List<Rule> activeOn(EventType type) {
            loads.incrementAndGet();
            return stored.activeOn(type);
        }
    };
    private final ReactionSettingsVersions versions = new ReactionSettingsVersions(() -> {
        versionReads.incrementAndGet();
        return version.get();
    });
    private final ActiveRules rules = new ActiveRules(counted, versions);

    @Test
    void readsTheRulesOncePerTypeWhileTheVersionStaysAndAgainWhenItMoves() {
        Rule first = aRule().on(ActivityFixtures.APP_INSTALLED).build();
        counted.add(first);

        assertThat(rules.on(ActivityFixtures.APP_INSTALLED)).containsExactly(first);
        assertThat(rules.on(ActivityFixtures.APP_INSTALLED)).containsExactly(first);
        assertThat(loads).as("cached").hasValue(1);

        Rule second = aRule().on(ActivityFixtures.APP_INSTALLED).build();
        counted.add(second);
        assertThat(rules.on(ActivityFixtures.APP_INSTALLED))
                .as("a change that did not move the version is not seen: every change moves it")
                .containsExactly(first);
        version.incrementAndGet();

        assertThat(rules.on(ActivityFixtures.APP_INSTALLED)).containsExactlyInAnyOrder(first, second);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aBatchReadsTheVersionOnceForAllItsEvents() {
        counted.add(aRule().on(ActivityFixtures.APP_INSTALLED).build());
        versionReads.set(0);

        versions.during(() -> {
            for (int event = 0; event < 25; event++) {
                rules.on(ActivityFixtures.APP_INSTALLED);
            }
            return null;
        });

        assertThat(versionReads).hasValue(1);
        assertThat(loads).hasValue(1);
        rules.on(ActivityFixtures.APP_INSTALLED);
        assertThat(versionReads).as("outside a batch, every read checks").hasValue(2);
    }
}
