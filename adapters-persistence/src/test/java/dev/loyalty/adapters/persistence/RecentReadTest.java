package dev.loyalty.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentReadTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final RecentRead<Integer> recent = new RecentRead<>(reads::incrementAndGet);

    @Test
    void aReadIsReusedWhileItIsRecent() {
        assertThat(recent.get()).isEqualTo(1);
        assertThat(recent.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeMadeHereIsSeenAtOnce() {
        recent.get();
        recent.forgetAfter(null);
        assertThat(recent.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }
}
