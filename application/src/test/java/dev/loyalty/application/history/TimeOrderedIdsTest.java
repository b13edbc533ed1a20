package dev.loyalty.application.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsGrowAsTextEvenWithinOneMillisecondAndPastTheCounterAndAreVersion7() {
        TimeOrderedIds ids = new TimeOrderedIds();
        Instant now = Instant.parse("2026-12-05T05:00:00.123Z");
        UUID previous = ids.next(now);
        assertThat(previous.version()).isEqualTo(7);
        assertThat(previous.variant()).isEqualTo(2);
        assertThat(previous.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
        // more than the 4,096 a millisecond's counter holds, all at one instant, then a clock going back
        for (int i = 0; i < 10_000; i++) {
            UUID next = ids.next(i < 9_000 ? now : now.minusSeconds(5));
            assertThat(next.toString()).isGreaterThan(previous.toString());
            assertThat(next.version()).isEqualTo(7);
            previous = next;
        }
        UUID later = ids.next(now.plusSeconds(1));
        assertThat(later.toString()).isGreaterThan(previous.toString());
        assertThat(later.getMostSignificantBits() >>> 16)
                .isEqualTo(now.plusSeconds(1).toEpochMilli());
    }
}
