package dev.loyalty.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleIdTest {

    @Test
    void parsesAUuidIgnoringBlanks() {
        UUID uuid = UUID.fromString("3f2b8c1e-8a4d-4e2f-9b7a-1c2d3e4f5a6b");
        assertThat(RuleId.parse(" 3f2b8c1e-8a4d-4e2f-9b7a-1c2d3e4f5a6b ")).isEqualTo(new RuleId(uuid));
        assertThat(new RuleId(uuid)).hasToString("3f2b8c1e-8a4d-4e2f-9b7a-1c2d3e4f5a6b");
    }

    @Test
    void textThatIsNotAUuidDesignatesNoRule() {
        for (String raw : new String[] {null, "", "rule-1", "3f2b8c1e"}) {
            assertThatThrownBy(() -> RuleId.parse(raw))
                    .isInstanceOfSatisfying(RuleNotFoundException.class, e -> assertThat(e.code())
                            .isEqualTo("rule-not-found"));
        }
    }

    @Test
    void requiresAUuid() {
        assertThatThrownBy(() -> new RuleId(null)).isInstanceOf(RuleNotFoundException.class);
    }

    @Test
    void newIdsDiffer() {
        assertThat(RuleId.newId()).isNotEqualTo(RuleId.newId());
    }
}
