package dev.loyalty.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointsTest {

    @Test
    void isANonNegativeAmount() {
        assertThat(Points.of(0).isZero()).isTrue();
        assertThat(Points.ZERO).isEqualTo(Points.of(0));
        assertThatThrownBy(() -> Points.of(-1))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("points"));
    }

    @Test
    void addsAndSubtractsWithoutGoingBelowZero() {
        assertThat(Points.of(100).plus(Points.of(50))).isEqualTo(Points.of(150));
        assertThat(Points.of(100).minus(Points.of(100))).isEqualTo(Points.ZERO);
        assertThatThrownBy(() -> Points.of(10).minus(Points.of(11))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void compares() {
        assertThat(Points.of(1).isLessThan(Points.of(2))).isTrue();
        assertThat(Points.of(2).isLessThan(Points.of(2))).isFalse();
        assertThat(Points.of(7).min(Points.of(3))).isEqualTo(Points.of(3));
        assertThat(Points.of(120)).hasToString("120");
    }
}
