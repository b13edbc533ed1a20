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
    void everyIdFallsInExactlyOneLane() {
        Random random = new Random(14);
        List<String> ids = new ArrayList<>(List.of(
                "00000000-0000-0000-0000-000000000000",
                "7fffffff-ffff-ffff-ffff-ffffffffffff",
                "80000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "55555555-ffff-ffff-ffff-ffffffffffff",
                "55555556-0000-0000-0000-000000000000"));
        for (int i = 0; i < 20_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        for (int n = 1; n <= RunLanes.MAX; n++) {
            List<RunLanes.Range> lanes = RunLanes.of(n);
            for (String id : ids) {
                assertThat(lanes.stream().filter(l -> l.holds(id)).count())
                        .as(n + " lanes, " + id)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void theLanesFollowEachOtherFromBeforeTheFirstIdToAfterTheLast() {
        for (int n = 1; n <= RunLanes.MAX; n++) {
            List<RunLanes.Range> lanes = RunLanes.of(n);
            assertThat(lanes).hasSize(n);
            assertThat(lanes.get(0).low()).isEmpty();
            assertThat(lanes.get(n - 1).high()).isEmpty();
            for (int i = 0; i < n - 1; i++) {
                String high = lanes.get(i).high().orElseThrow();
                assertThat(high).hasSize(36);
                assertThat(lanes.get(i + 1).low()).isEqualTo(high);
                assertThat(high.compareTo(lanes.get(i).low())).isPositive();
                assertThat(lanes.get(i).lane()).isEqualTo(i);
            }
        }
        assertThat(RunLanes.of(2).get(0).high()).contains("7fffffff-ffff-ffff-ffff-ffffffffffff");
    }

    @Test
    void randomIdsShareTheLanesAboutEqually() {
        Random random = new Random(7);
        List<RunLanes.Range> lanes = RunLanes.of(4);
        int[] counts = new int[4];
        for (int i = 0; i < 40_000; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            for (RunLanes.Range lane : lanes) {
                if (lane.holds(id)) {
                    counts[lane.lane()]++;
                }
            }
        }
        for (int count : counts) {
            assertThat(count).isBetween(9_500, 10_500);
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

    @Test
    void lanesOutsideOneToTheMaximumAreRefused() {
        assertThatThrownBy(() -> RunLanes.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunLanes.of(RunLanes.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
