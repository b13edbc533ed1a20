package dev.loyalty.adapters.persistence.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The chunk size setting (a whole number from 1 to 50,000) and the run lanes (1 to 64): anything else
 * refused naming the setting.
 */
class SqlCampaignChunksSizeTest {

    @Test
    void aWholeNumberInRangeIsTheChunkSize() {
        assertThat(SqlCampaignChunks.size("5000")).isEqualTo(5_000);
        assertThat(SqlCampaignChunks.size(" 1 ")).isEqualTo(1);
        assertThat(SqlCampaignChunks.size("50000")).isEqualTo(50_000);
    }

    @Test
    void anythingElseStopsTheStartNamingTheSetting() {
        for (String wrong : new String[] {"0", "-5", "50001", "5k", "", "2.5"}) {
            assertThatThrownBy(() -> SqlCampaignChunks.size(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LOYALTY_CAMPAIGNS_CHUNK_SIZE");
        }
    }

    @Test
    void theLanesAreOneToSixtyFourAnythingElseStopsTheStartNamingTheSetting() {
        assertThat(SqlCampaignChunks.lanes("2")).isEqualTo(2);
        assertThat(SqlCampaignChunks.lanes(" 1 ")).isEqualTo(1);
        assertThat(SqlCampaignChunks.lanes("64")).isEqualTo(64);
        for (String wrong : new String[] {"0", "-1", "65", "two", "", "1.5"}) {
            assertThatThrownBy(() -> SqlCampaignChunks.lanes(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LOYALTY_CAMPAIGN_RUN_LANES");
        }
    }
}
