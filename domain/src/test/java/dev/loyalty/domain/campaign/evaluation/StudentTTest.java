package dev.loyalty.domain.campaign.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The t quantile against statistics tables (and R's qt for the fractional degrees Welch produces). */
class StudentTTest {

    @ParameterizedTest(name = "t(0.975, {0}) = {1}")
    @CsvSource({
        "1, 12.7062",
        "2, 4.3027",
        "5, 2.5706",
        "10, 2.2281",
        "30, 2.0423",
        "100, 1.9840",
        "1000, 1.9623",
        "6.461538461538462, 2.4052",
        "0.5, 164.5577",
        "1.5, 6.0167",
        "1000000, 1.9600",
        "100000000, 1.9600"
    })
    void theUpperQuantileMatchesTheTables(double df, double expected) {
        assertThat(StudentT.quantile(0.975, df)).isCloseTo(expected, within(0.00005));
    }

    @Test
    void otherProbabilitiesAndTheLowerTailAreSymmetric() {
        assertThat(StudentT.quantile(0.995, 3)).isCloseTo(5.8409, within(0.00005));
        assertThat(StudentT.quantile(0.9, 7.3)).isCloseTo(1.4089, within(0.00005));
        assertThat(StudentT.quantile(0.025, 4)).isCloseTo(-2.7764, within(0.00005));
        assertThat(StudentT.quantile(0.5, 4)).isZero();
    }

    @Test
    void largeDegreesOfFreedomTendToTheNormal() {
        assertThat(StudentT.quantile(0.975, 1e9)).isCloseTo(StudentT.Z_975, within(0.000001));
        assertThat(StudentT.quantile(0.975, 5e6)).isCloseTo(1.959964, within(0.000002));
    }

    @ParameterizedTest(name = "P(T <= 2 | {0}) = {1}")
    @CsvSource({"1, 0.852416382", "2, 0.908248290", "10, 0.963305983", "1000, 0.977114827", "1000000, 0.977249733"})
    void theDistributionFunctionMatchesTheReference(double df, double expected) {
        assertThat(StudentT.cdf(2.0, df)).isCloseTo(expected, within(1e-8));
        assertThat(StudentT.cdf(-2.0, df)).isCloseTo(1 - expected, within(1e-8));
    }

    @Test
    void refusesWhatHasNoQuantile() {
        assertThatThrownBy(() -> StudentT.quantile(1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.quantile(0.975, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.quantile(0.975, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
