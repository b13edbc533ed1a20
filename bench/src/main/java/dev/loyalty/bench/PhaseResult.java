package dev.loyalty.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a phase measured: successes and their latencies in the window, failures by kind, and the
 * warm-up's counts.
 *
 * @param name the phase
 * @param window the measured window
 * @param latencies the successful operations started in the window
 * @param failures failed operations started in the window, by kind
 * @param warmupSuccesses successes during the warm-up
 * @param warmupFailures failures during the warm-up
 * @param capReached whether some client stopped at the cap on operations (throughput understated)
 * @param clientsLost clients that gave up (100 exceptions in a row) or did not stop in time
 * @param failureSamples the first few failure details
 */
record PhaseResult(
        String name,
        Duration window,
        Latencies latencies,
        Map<String, Long> failures,
        long warmupSuccesses,
        long warmupFailures,
        boolean capReached,
        int clientsLost,
        List<String> failureSamples) {

    /** Copies the collections. */
    PhaseResult {
        failures = Collections.unmodifiableMap(new TreeMap<>(failures));
        failureSamples = List.copyOf(failureSamples);
    }

    /** Successful operations per second of the window. */
    double throughput() {
        return latencies.count() / (window.toNanos() / 1e9);
    }

    /** All failures in the window. */
    long failureCount() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }
}
