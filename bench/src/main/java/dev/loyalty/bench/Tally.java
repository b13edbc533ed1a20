package dev.loyalty.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread's failures in one period of a phase, counted by kind (an HTTP status, an SQL error).
 * Not shared: only the first few failure details of the whole phase go to a shared, bounded list.
 */
final class Tally {

    private final Map<String, long[]> counts = new TreeMap<>();
    private final Samples samples;

    Tally(Samples samples) {
        this.samples = samples;
    }

    /** Counts one failure of this kind; the detail is kept if it is among the phase's first few. */
    void failure(String kind, String detail) {
        counts.computeIfAbsent(kind, k -> new long[1])[0]++;
        samples.offer(kind + ": " + detail);
    }

    /** Adds this tally's counts to a total. */
    void addTo(Map<String, Long> total) {
        counts.forEach((kind, n) -> total.merge(kind, n[0], Long::sum));
    }

    /** The first few failure details of a phase, kept for diagnosis. */
    static final class Samples {
        private static final int LIMIT = 5;
        private final AtomicInteger offered = new AtomicInteger();
        private final List<String> kept = Collections.synchronizedList(new ArrayList<>());

        void offer(String detail) {
            if (offered.getAndIncrement() < LIMIT) {
                kept.add(detail);
            }
        }

        List<String> kept() {
            synchronized (kept) {
                return List.copyOf(kept);
            }
        }
    }
}
