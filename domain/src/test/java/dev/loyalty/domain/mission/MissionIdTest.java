package dev.loyalty.domain.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MissionIdTest {

    @Test
    void parsesAUuidIgnoringBlanks() {
        UUID uuid = UUID.fromString("0b6a1f0e-2f3c-4d5e-8f90-a1b2c3d4e5f6");
        assertThat(MissionId.parse("\t0b6a1f0e-2f3c-4d5e-8f90-a1b2c3d4e5f6 ")).isEqualTo(new MissionId(uuid));
        assertThat(new MissionId(uuid)).hasToString("0b6a1f0e-2f3c-4d5e-8f90-a1b2c3d4e5f6");
    }

    @Test
    void textThatIsNotAUuidDesignatesNoMission() {
        for (String raw : new String[] {null, "", "mission-1", "0b6a1f0e"}) {
            assertThatThrownBy(() -> MissionId.parse(raw))
                    .isInstanceOfSatisfying(MissionNotFoundException.class, e -> assertThat(e.code())
                            .isEqualTo("mission-not-found"));
        }
    }

    @Test
    void requiresAUuid() {
        assertThatThrownBy(() -> new MissionId(null)).isInstanceOf(MissionNotFoundException.class);
    }

    @Test
    void newIdsDiffer() {
        assertThat(MissionId.newId()).isNotEqualTo(MissionId.newId());
    }
}
