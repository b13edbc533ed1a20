package dev.loyalty.application.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngagementWeightsTest {

    @Test
    void theDefaultWeighsOpensClicksAppOpensAndReturns() {
        EngagementWeights weights = EngagementWeights.parse(EngagementWeights.DEFAULT);

        assertThat(weights.weights())
                .containsExactly(
                        Map.entry("EMAIL_OPENED", 1),
                        Map.entry("EMAIL_CLICKED", 3),
                        Map.entry("APP_OPENED", 1),
                        Map.entry("PRODUCT_RETURNED", -5));
        assertThat(weights.weightOf("PRODUCT_RETURNED")).contains(-5);
        assertThat(weights.weightOf("PURCHASE_RECORDED")).isEmpty();
    }

    @Test
    void spacesAreToleratedBlankMeansNoWeightsAndZeroWeighsNothing() {
        EngagementWeights weights = EngagementWeights.parse(" SURVEY_ANSWERED : 2 , APP_OPENED:0 ");

        assertThat(weights.weightOf("SURVEY_ANSWERED")).contains(2);
        assertThat(weights.weightOf("APP_OPENED")).isEmpty();
        assertThat(EngagementWeights.parse("  ").weights()).isEmpty();
    }

    @Test
    void whatCannotBeReadIsRefusedNamingThePair() {
        assertThatThrownBy(() -> EngagementWeights.parse("EMAIL_OPENED=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EMAIL_OPENED=1");
        assertThatThrownBy(() -> EngagementWeights.parse("EMAIL_OPENED:one")).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> EngagementWeights.parse("EMAIL_OPENED:1,EMAIL_OPENED:2"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> EngagementWeights.parse("email opened:1")).hasMessageContaining("not an event type");
        assertThatThrownBy(() -> EngagementWeights.parse("EMAIL_OPENED:1001")).hasMessageContaining("at most");
        assertThatThrownBy(() -> EngagementWeights.parse("EMAIL_OPENED:")).hasMessageContaining("TYPE:weight");
    }
}
