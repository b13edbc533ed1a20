package dev.loyalty.domain.campaign.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A small campaign computed by hand.
 *
 * <pre>
 *  group      members  revenue per member (cents)   responders  purchases
 *  treatment  5        1000, 0, 2500, 0, 1500         3           4
 *  control    4        0, 1200, 0, 0                  1           1
 *
 *  conversion   p_t = 3/5 = 0.6, p_c = 1/4 = 0.25, difference 0.35
 *               se = sqrt(0.6·0.4/5 + 0.25·0.75/4) = sqrt(0.094875) = 0.308018
 *               Wald 95%: 0.35 ± 1.959964·0.308018 = [-0.2537, 0.9537]
 *  revenue      m_t = 5000/5 = 1000, m_c = 1200/4 = 300, difference 700
 *               s_t² = (0 + 1000² + 1500² + 1000² + 500²)/4 = 1,125,000
 *               s_c² = (300² + 900² + 300² + 300²)/3 = 360,000
 *               se² = 1,125,000/5 + 360,000/4 = 225,000 + 90,000 = 315,000; se = 561.2486
 *               ν = 315,000² / (225,000²/4 + 90,000²/3) = 9.9225e10 / 1.535625e10 = 6.4615
 *               t(0.975, 6.4615) = 2.4052; Welch 95%: 700 ± 1349.8943 = [-649.8943, 2049.8943]
 *  incremental  700 · 5 = 3500 cents
 *  cost         300 cents of discount + 500 points at 1000 cents per thousand = 800 cents
 *  return       (3500 - 800) / 800 = 3.375
 * </pre>
 */
class CampaignEvaluationTest {

    static final GroupFigures TREATMENT = GroupFigures.ofRevenues(3, 4, 1000, 0, 2500, 0, 1500);
    static final GroupFigures CONTROL = GroupFigures.ofRevenues(1, 1, 0, 1200, 0, 0);

    @Test
    void theHandComputedTable() {
        CampaignEvaluation e = CampaignEvaluation.of(TREATMENT, CONTROL, OfferCost.of(300, 500, 1000));

        assertThat(e.treatment().conversionRate()).hasValue(0.6);
        assertThat(e.control().conversionRate()).hasValue(0.25);
        assertThat(e.treatment().nonResponders()).isEqualTo(2);
        assertThat(e.treatment().revenuePerCustomer()).hasValue(1000.0);
        assertThat(e.control().revenuePerCustomer()).hasValue(300.0);
        assertThat(e.treatment().averageBasket()).hasValue(1250.0);
        assertThat(e.treatment().revenueVariance()).hasValue(1_125_000.0);
        assertThat(e.control().revenueVariance()).hasValue(360_000.0);

        Uplift conversion = e.conversion().orElseThrow();
        assertThat(conversion.difference()).isCloseTo(0.35, within(1e-12));
        assertThat(conversion.ci95().orElseThrow().low()).isCloseTo(-0.2537, within(0.00005));
        assertThat(conversion.ci95().orElseThrow().high()).isCloseTo(0.9537, within(0.00005));

        assertThat(Uplift.welchDegreesOfFreedom(1_125_000, 5, 360_000, 4)).isCloseTo(6.4615, within(0.00005));
        Uplift revenue = e.revenuePerCustomer().orElseThrow();
        assertThat(revenue.difference()).isEqualTo(700.0);
        assertThat(revenue.ci95().orElseThrow().low()).isCloseTo(-649.8943, within(0.00005));
        assertThat(revenue.ci95().orElseThrow().high()).isCloseTo(2049.8943, within(0.00005));

        assertThat(e.incrementalRevenue()).hasValue(3500L);
        assertThat(e.cost().total()).isEqualTo(800);
        assertThat(e.cost().pointsValue()).isEqualTo(500);
        assertThat(e.returnOnCost().orElseThrow()).isCloseTo(3.375, within(1e-12));
    }

    @Nested
    class EdgeCases {

        @Test
        void anEmptyControlHasNoUpliftAndNoReturn() {
            CampaignEvaluation e = CampaignEvaluation.of(TREATMENT, GroupFigures.EMPTY, OfferCost.of(300, 0, 1000));

            assertThat(e.conversion()).isEmpty();
            assertThat(e.revenuePerCustomer()).isEmpty();
            assertThat(e.incrementalRevenue()).isEmpty();
            assertThat(e.returnOnCost()).isEmpty();
            assertThat(e.control().conversionRate()).isEmpty();
            assertThat(e.control().revenuePerCustomer()).isEmpty();
            assertThat(e.control().averageBasket()).isEmpty();
        }

        @Test
        void aGroupOfOneHasADifferenceButNoWelchInterval() {
            GroupFigures one = GroupFigures.ofRevenues(1, 1, 900);
            CampaignEvaluation e = CampaignEvaluation.of(TREATMENT, one, OfferCost.of(0, 0, 1000));

            assertThat(one.revenueVariance()).isEmpty();
            assertThat(e.revenuePerCustomer().orElseThrow().difference()).isEqualTo(100.0);
            assertThat(e.revenuePerCustomer().orElseThrow().ci95()).isEmpty();
            // Wald still has a variance from the treatment: 0 ± 1.959964·sqrt(0.048 + 0) (p_t 0.6 vs p_c 1)
            Uplift conversion = e.conversion().orElseThrow();
            assertThat(conversion.difference()).isCloseTo(-0.4, within(1e-12));
            assertThat(conversion.ci95().orElseThrow().low())
                    .isCloseTo(-0.4 - 1.959964 * Math.sqrt(0.048), within(1e-12));
            assertThat(e.returnOnCost()).as("nothing spent").isEmpty();
        }

        @Test
        void noVariabilityInEitherGroupLeavesTheIntervalsUndefined() {
            GroupFigures nobodyBought = GroupFigures.ofRevenues(0, 0, 0, 0, 0);
            GroupFigures nobodyEither = GroupFigures.ofRevenues(0, 0, 0, 0);
            CampaignEvaluation e = CampaignEvaluation.of(nobodyBought, nobodyEither, OfferCost.of(100, 0, 1000));

            assertThat(e.conversion().orElseThrow().difference()).isZero();
            assertThat(e.conversion().orElseThrow().ci95()).isEmpty();
            assertThat(e.revenuePerCustomer().orElseThrow().difference()).isZero();
            assertThat(e.revenuePerCustomer().orElseThrow().ci95()).isEmpty();
            assertThat(e.incrementalRevenue()).hasValue(0L);
            assertThat(e.returnOnCost()).hasValue(-1.0);
        }

        @Test
        void oneGroupWithoutVariabilityLeavesWelchTheOthersDegrees() {
            GroupFigures flat = GroupFigures.ofRevenues(3, 3, 500, 500, 500);
            // s_c² = 0: ν = (s_t²/n_t)² / ((s_t²/n_t)²/(n_t - 1)) = n_t - 1 = 4
            assertThat(Uplift.welchDegreesOfFreedom(1_125_000, 5, 0, 3)).isCloseTo(4.0, within(1e-12));
            Uplift revenue = Uplift.revenuePerCustomer(TREATMENT, flat).orElseThrow();
            double half = 2.776445105 * Math.sqrt(225_000);
            assertThat(revenue.ci95().orElseThrow().low()).isCloseTo(500 - half, within(0.00005));
            assertThat(revenue.ci95().orElseThrow().high()).isCloseTo(500 + half, within(0.00005));
        }

        @Test
        void aMillionMembersWithLargeBasketsStayExact() {
            long n = 1_000_000;
            // every member spent 10,000,000 cents: the squares' sum (1e20) is past a long
            BigInteger squares = BigInteger.valueOf(10_000_000L).pow(2).multiply(BigInteger.valueOf(n));
            GroupFigures big = new GroupFigures(n, n, 10_000_000L * n, squares, n);
            assertThat(big.revenueVariance()).hasValue(0.0);
        }
    }
}
