package dev.loyalty.domain.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointsRoundingTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0, 0",
        "2970000, 2, 3",
        "2500000, 2, 3",
        "2499999, 2, 2",
        "999999, 0, 1",
        "1000000, 1, 1",
        "499999, 0, 0"
    })
    void roundsMillionthsOfAPoint(long millionths, long floor, long halfUp) {
        assertThat(PointsRounding.FLOOR.round(millionths)).isEqualTo(floor);
        assertThat(PointsRounding.HALF_UP.round(millionths)).isEqualTo(halfUp);
    }

    @ParameterizedTest
    @CsvSource({"FLOOR", "HALF_UP"})
    void refusesNegativeAmounts(PointsRounding rounding) {
        assertThatThrownBy(() -> rounding.round(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
