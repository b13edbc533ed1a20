package dev.loyalty.application.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RfmCutsTest {

    private final RfmCuts cuts = new RfmCuts(
            List.of(10L, 30L, 90L, 180L), List.of(1L, 2L, 4L, 8L), List.of(1_000L, 5_000L, 20_000L, 50_000L));

    @Test
    void moreIsBetterForFrequencyAndMonetaryFewerDaysForRecency() {
        assertThat(cuts.frequencyScore(1)).contains(1);
        assertThat(cuts.frequencyScore(2)).contains(2);
        assertThat(cuts.frequencyScore(3)).contains(3);
        assertThat(cuts.frequencyScore(8)).contains(4);
        assertThat(cuts.frequencyScore(9)).contains(5);
        assertThat(cuts.monetaryScore(50_001)).contains(5);
        assertThat(cuts.monetaryScore(0)).contains(1);
        assertThat(cuts.recencyScore(0)).contains(5);
        assertThat(cuts.recencyScore(10)).contains(5);
        assertThat(cuts.recencyScore(11)).contains(4);
        assertThat(cuts.recencyScore(180)).contains(2);
        assertThat(cuts.recencyScore(181)).contains(1);
    }

    @Test
    void beforeTheFirstRebuildThereIsNoScore() {
        assertThat(RfmCuts.NONE.frequencyScore(3)).isEmpty();
        assertThat(RfmCuts.NONE.recencyScore(3)).isEmpty();
    }

    @Test
    void cutPointsAreTheLargestValueOfTilesOneToFourAndMissingTilesCloseWhereTheLastDid() {
        assertThat(RfmCuts.fromTileMaxima(Arrays.asList(1L, 2L, 3L, 4L, 5L))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(RfmCuts.fromTileMaxima(Arrays.asList(7L, 9L, null, null, null)))
                .containsExactly(7L, 9L, 9L, 9L);
        assertThat(RfmCuts.fromTileMaxima(Arrays.asList(null, null, null, null, null)))
                .isEmpty();
    }

    /** Scored by the cut points of NTILE(5), every quintile holds a fifth of distinct values. */
    @Test
    void distinctValuesScoredByTheirOwnCutPointsFallIntoEqualQuintiles() {
        Random random = new Random(13);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            values.add((long) i * 7 + random.nextInt(7));
        }
        List<Long> sorted = values.stream().sorted().toList();
        List<Long> maxima = new ArrayList<>();
        for (int tile = 1; tile <= 5; tile++) {
            maxima.add(sorted.get(tile * 200 - 1));
        }
        RfmCuts byThese = new RfmCuts(
                RfmCuts.fromTileMaxima(maxima), RfmCuts.fromTileMaxima(maxima), RfmCuts.fromTileMaxima(maxima));
        int[] counts = new int[6];
        for (long value : values) {
            counts[byThese.frequencyScore(value).orElseThrow()]++;
        }
        assertThat(counts).containsExactly(0, 200, 200, 200, 200, 200);
    }

    @Test
    void theStoredFormRoundTripsAndBadListsCannotExist() {
        assertThat(RfmCuts.parse(RfmCuts.format(List.of(1L, 2L, 2L, 40L)))).containsExactly(1L, 2L, 2L, 40L);
        assertThat(RfmCuts.parse("")).isEmpty();
        assertThatThrownBy(() -> new RfmCuts(List.of(3L, 2L, 4L, 5L), List.of(1L, 2L, 3L, 4L), List.of(1L, 2L, 3L, 4L)))
                .hasMessageContaining("ascend");
        assertThatThrownBy(() -> new RfmCuts(List.of(1L), List.of(1L), List.of(1L)))
                .hasMessageContaining("four");
        assertThatThrownBy(() -> new RfmCuts(List.of(), List.of(1L, 2L, 3L, 4L), List.of()))
                .hasMessageContaining("all three");
    }
}
