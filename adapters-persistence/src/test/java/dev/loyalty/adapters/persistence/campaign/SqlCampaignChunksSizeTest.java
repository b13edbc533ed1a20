package dev.loyalty.adapters.persistence.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The chunk size setting: a whole number from 1 to 50,000, anything else refused naming the setting. */
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
}
