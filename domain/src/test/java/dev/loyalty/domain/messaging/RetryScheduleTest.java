package dev.loyalty.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(2), Duration.ofMinutes(1), 5);

    @Test
    void delaysDoubleWithinHalfToAllOfTheStep() {
        assertThat(schedule.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.delayAfter(1, 0.999)).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void delaysStopGrowingAtTheLongest() {
        assertThat(schedule.delayAfter(30, 0.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(1000, 0.999)).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void attemptsRunOut() {
        assertThat(schedule.allowsAnotherAfter(4)).isTrue();
        assertThat(schedule.allowsAnotherAfter(5)).isFalse();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(InvalidValueException.class);
    }
}
