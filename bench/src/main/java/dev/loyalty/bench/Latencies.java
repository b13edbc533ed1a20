package dev.loyalty.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The latencies of a phase's successful operations in its measured window, in nanoseconds, sorted;
 * percentiles by nearest rank.
 */
final class Latencies {

    private final long[] sorted;

    private Latencies(long[] sorted) {
        this.sorted = sorted;
    }

    /** Merges the first {@code counts[i]} values of each thread's array. */
    static Latencies merge(List<long[]> perThread, List<Integer> counts) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < perThread.size(); i++) {
            System.arraycopy(perThread.get(i), 0, all, at, counts.get(i));
            at += counts.get(i);
        }
        Arrays.sort(all);
        return new Latencies(all);
    }

    /** How many were recorded. */
    int count() {
        return sorted.length;
    }

    /** The p-th quantile (0 &lt; p &le; 1) in milliseconds, or NaN when none was recorded. */
    double millis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    /** The slowest, in milliseconds. */
    double maxMillis() {
        return millis(1.0);
    }
}
