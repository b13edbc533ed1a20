package dev.loyalty.domain.earning;

import static dev.loyalty.domain.earning.EarningFixtures.LAUNCH;
import static dev.loyalty.domain.earning.EarningFixtures.eur;
import static dev.loyalty.domain.earning.EarningFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.Points;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarnedPointsTest {

    private static LineEarning earning(long millionths) {
        return new LineEarning(line("food", 1, 99), eur(0), eur(99), false, 100, 100, millionths);
    }

    @Test
    void theTotalIsTheSumOfTheLinesRoundedOnce() {
        List<LineEarning> lines = List.of(earning(990_000), earning(990_000), earning(990_000));

        assertThat(new EarnedPoints(Points.of(2), 2_970_000, PointsRounding.FLOOR, 100, LAUNCH, lines).exactPoints())
                .isEqualByComparingTo("2.97");
        assertThatThrownBy(() -> new EarnedPoints(Points.of(2), 2_000_000, PointsRounding.FLOOR, 100, LAUNCH, lines))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EarnedPoints(Points.of(3), 2_970_000, PointsRounding.FLOOR, 100, LAUNCH, lines))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExcludedLineEarnsNothing() {
        assertThatThrownBy(() -> new LineEarning(line("tobacco", 1, 850), eur(0), eur(850), true, 100, 100, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineEarning(line("food", 1, 850), eur(0), eur(850), false, 100, 100, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
