package dev.loyalty.application.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lanes of a run cover every customer id once, in key order, in shares about equal. */
class RunLanesTest {

    @Test
    void everyIdFallsInExactlyOneLaneAndTheLanesFollowEachOther() {
        Random random = new Random(14);
        List<String> ids = new ArrayList<>(
                List.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"));
        for (int i = 0; i < 20_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        List<String> sorted = ids.stream().sorted().toList();
        for (int n = 1; n <= RunLanes.MAX; n++) {
            // cut as a frozen audience's quantiles would be: every (size / n)-th id
            List<String> highs = new ArrayList<>();
            for (int cut = 1; cut < n; cut++) {
                highs.add(sorted.get(cut * sorted.size() / n - 1));
            }
            List<RunLanes.Range> lanes = RunLanes.between(highs);
            assertThat(lanes).hasSize(n);
            assertThat(lanes.get(0).low()).isEmpty();
            assertThat(lanes.get(n - 1).high()).isEmpty();
            for (int i = 0; i < n - 1; i++) {
                assertThat(lanes.get(i).lane()).isEqualTo(i);
                assertThat(lanes.get(i + 1).low()).isEqualTo(lanes.get(i).high().orElseThrow());
            }
            int[] counts = new int[n];
            for (String id : ids) {
                List<RunLanes.Range> holding =
                        lanes.stream().filter(l -> l.holds(id)).toList();
                assertThat(holding).as(n + " lanes, " + id).hasSize(1);
                counts[holding.get(0).lane()]++;
            }
            for (int count : counts) {
                assertThat(count).as(n + " lanes").isBetween(ids.size() / n - 1, ids.size() / n + 2);
            }
        }
    }

    @Test
    void lanesCutAtGivenIdsHoldEveryIdOnceAndTheCutsInTheLaneBefore() {
        List<String> highs = List.of("0fa00010-0000", "0fa00020-0000", "0fa00030-0000");
        List<RunLanes.Range> lanes = RunLanes.between(highs);
        assertThat(lanes).hasSize(4);
        assertThat(lanes.get(0).low()).isEmpty();
        assertThat(lanes.get(3).high()).isEmpty();
        assertThat(lanes.get(1).holds("0fa00020-0000")).isTrue();
        assertThat(lanes.get(2).holds("0fa00020-0000")).isFalse();
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            String id = String.format("0fa%05x-%s", random.nextInt(0x40), new UUID(random.nextLong(), 0));
            assertThat(lanes.stream().filter(l -> l.holds(id)).count()).as(id).isEqualTo(1);
        }
        assertThat(RunLanes.between(List.of())).containsExactly(new RunLanes.Range(0, "", java.util.Optional.empty()));
        assertThatThrownBy(() -> RunLanes.between(List.of("b", "a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunLanes.between(List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
