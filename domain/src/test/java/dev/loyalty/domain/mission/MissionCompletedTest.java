package dev.loyalty.domain.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MissionCompletedTest {

    private static final Instant AT = Instant.parse("2025-05-20T12:00:00Z");

    @Test
    void isACustomersEventOfItsType() {
        CustomerId marco = CustomerId.newId();
        MissionCompleted completed = new MissionCompleted(MissionId.newId(), marco, 2, Points.of(500), AT);

        assertThat(completed.type()).isEqualTo("MISSION_COMPLETED");
        assertThat(completed.aggregateId()).isEqualTo(marco.value().toString());
    }

    @Test
    void requiresMissionCustomerAndInstant() {
        MissionId mission = MissionId.newId();
        CustomerId marco = CustomerId.newId();
        Points points = Points.of(500);
        assertThatThrownBy(() -> new MissionCompleted(null, marco, 1, points, AT))
                .hasMessage("missionId");
        assertThatThrownBy(() -> new MissionCompleted(mission, null, 1, points, AT))
                .hasMessage("customerId");
        assertThatThrownBy(() -> new MissionCompleted(mission, marco, 1, points, null))
                .hasMessage("occurredAt");
    }
}
